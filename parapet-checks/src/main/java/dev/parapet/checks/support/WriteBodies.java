package dev.parapet.checks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.model.Exchange;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiRequestBody;
import dev.parapet.spi.Identity;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Operation;
import dev.parapet.spi.ProbeRequest;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * JSON request bodies of documented write operations, for the checks that test a whole body rather than one input
 * (adding fields, replaying it as another caller): which input point stands for the operation, the example body,
 * requests with another body, and JSON pointers into bodies and answers. Stateless and thread-safe.
 */
public final class WriteBodies {

    /** The methods whose documented body these checks write. */
    public static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH");

    private static final ObjectMapper JSON = new ObjectMapper();

    private WriteBodies() {
    }

    /**
     * Whether {@code p} is the one input point by which a whole-body check takes its operation: the first field of
     * the documented JSON object body of a POST, PUT or PATCH. One point per operation, so the planner's budget and
     * the coverage count operations.
     */
    public static boolean representative(InputPoint p) {
        if (p.location() != InputLocation.JSON || !WRITE_METHODS.contains(p.operation().method())) {
            return false;
        }
        List<ApiRequestBody.Field> fields = fields(p.operation());
        return !fields.isEmpty() && fields.getFirst().pointer().equals(p.locator())
                && example(p.operation()).isPresent();
    }

    /** The documented body's fields, or none for an operation without a documented JSON body. */
    public static List<ApiRequestBody.Field> fields(Operation op) {
        return op.documented().flatMap(ApiOperation::requestBody).filter(ApiRequestBody::json)
                .map(ApiRequestBody::fields).orElse(List.of());
    }

    /** A copy of the operation's example body when it is a JSON object. */
    public static Optional<ObjectNode> example(Operation op) {
        return object(op.example().body());
    }

    /** The operation's example request sent to {@code uri} with {@code body}, carrying {@code who}'s credentials. */
    public static ProbeRequest request(Operation op, URI uri, JsonNode body, Identity who) {
        ProbeRequest base = op.example();
        String type = base.headers().first("Content-Type").orElse("application/json");
        return new ProbeRequest(base.method(), uri, base.headers(), "", false, who).withBody(type, body.toString());
    }

    /** A plain GET of {@code uri} as {@code who}. */
    public static ProbeRequest read(URI uri, Identity who) {
        return ProbeRequest.get(uri).as(who);
    }

    /** The answer's body as a JSON object, when it is a 2xx answer with one. */
    public static Optional<ObjectNode> answer(Exchange e) {
        return e.answered() && e.status() / 100 == 2 ? object(e.body()) : Optional.empty();
    }

    public static Optional<ObjectNode> object(String text) {
        try {
            JsonNode n = text == null || text.isBlank() ? null : JSON.readTree(text);
            return n instanceof ObjectNode o ? Optional.of(o.deepCopy()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The value at {@code pointer}, empty when absent. */
    public static Optional<JsonNode> at(JsonNode root, String pointer) {
        JsonNode n = root.at(pointer);
        return n.isMissingNode() ? Optional.empty() : Optional.of(n);
    }

    /** Sets {@code value} at {@code pointer} in {@code root}, creating the objects on the way. */
    public static void set(ObjectNode root, String pointer, JsonNode value) {
        String[] parts = pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1);
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String key = unescape(parts[i]);
            JsonNode child = node.get(key);
            node = child instanceof ObjectNode o ? o : node.putObject(key);
        }
        node.set(unescape(parts[parts.length - 1]), value);
    }

    /** The last name of a pointer: {@code role} of {@code /user/role}. */
    public static String leaf(String pointer) {
        return unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
    }

    private static String unescape(String part) {
        return part.replace("~1", "/").replace("~0", "~");
    }
}
