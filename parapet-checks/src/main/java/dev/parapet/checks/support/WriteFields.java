package dev.parapet.checks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parapet.spi.ApiRequestBody;
import dev.parapet.spi.Operation;

import java.util.Optional;

/**
 * Which fields of a documented update body a write check may touch on an object that exists: the body that
 * writes back what the object already holds (the harmless baseline) and the one field it may change to a
 * Parapet marker and back. Stateless and thread-safe.
 */
public final class WriteFields {

    /** A field to change: its pointer, the object's current value, and the marker value to write. */
    public record Harmless(String pointer, JsonNode old, TextNode marker) {
    }

    private WriteFields() {
    }

    /**
     * The body that changes nothing: every documented field {@code object} carries at the same pointer, with the
     * object's own value; never a password or a readOnly field. Empty when the object carries none of them.
     */
    public static Optional<ObjectNode> noOp(Operation op, ObjectNode object) {
        ObjectNode body = object.objectNode();
        for (ApiRequestBody.Field f : WriteBodies.fields(op)) {
            if (f.readOnly() || f.format().equals("password") || WriteVocabulary.normal(f.name()).contains("password")) {
                continue;
            }
            WriteBodies.at(object, f.pointer()).filter(v -> v.isValueNode() && !v.isNull())
                    .ifPresent(v -> WriteBodies.set(body, f.pointer(), v));
        }
        return body.isEmpty() ? Optional.empty() : Optional.of(body);
    }

    /**
     * The first documented field that names or describes the object (e-mail, name, bio…; see
     * {@code checks/writes/accounts.json}) and that {@code object} holds as text: what a write test changes.
     */
    public static Optional<Harmless> harmless(Operation op, ObjectNode object, Markers markers) {
        for (ApiRequestBody.Field f : WriteBodies.fields(op)) {
            String name = WriteVocabulary.normal(WriteBodies.leaf(f.pointer()));
            if (f.readOnly() || !WriteVocabulary.DEFAULT.get().harmlessFields().contains(name)) {
                continue;
            }
            Optional<JsonNode> old = WriteBodies.at(object, f.pointer()).filter(JsonNode::isTextual);
            if (old.isPresent()) {
                boolean email = f.format().equals("email") || name.contains("mail");
                return Optional.of(new Harmless(f.pointer(), old.get(),
                        TextNode.valueOf(email ? markers.email() : markers.text())));
            }
        }
        return Optional.empty();
    }

    /** {@code base} (the no-op body) with {@code pointer} set to {@code value}: what a PUT must send to change one field. */
    public static ObjectNode with(ObjectNode base, String pointer, JsonNode value) {
        ObjectNode out = base.deepCopy();
        WriteBodies.set(out, pointer, value);
        return out;
    }
}
