package dev.parapet.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.model.WriteRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's {@code writes} array (schema 1.2): every change an active scan made on the target, with what became
 * of it. Reports without it (older ones, and any scan that wrote nothing) read as an empty list.
 */
final class JsonWrites {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonWrites() {
    }

    static ArrayNode write(List<WriteRecord> writes) {
        ArrayNode out = NODES.arrayNode();
        for (WriteRecord w : writes) {
            ObjectNode o = out.addObject();
            o.put("checkId", w.checkId());
            o.put("kind", w.kind().id());
            o.put("via", w.via());
            o.put("object", w.object());
            o.put("field", w.field());
            o.put("oldValue", w.oldValue());
            o.put("outcome", w.outcome().id());
            o.put("detail", w.detail());
        }
        return out;
    }

    static List<WriteRecord> read(JsonNodes root) {
        if (!root.has("writes")) {
            return List.of();
        }
        List<WriteRecord> out = new ArrayList<>();
        for (JsonNodes o : root.objects("writes")) {
            out.add(new WriteRecord(o.text("checkId"), o.id("kind", WriteRecord.Kind.class, WriteRecord.Kind::id),
                    o.text("via"), o.text("object"), o.text("field"), o.text("oldValue"),
                    o.id("outcome", WriteRecord.Outcome.class, WriteRecord.Outcome::id), o.text("detail")));
        }
        return out;
    }
}
