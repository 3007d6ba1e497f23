package dev.parapet.checks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Operation;
import dev.parapet.spi.ValueShape;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Logs in an account a write check created, through the API's documented login (a POST whose path says login,
 * token or session and whose JSON body takes a password), so the check can read the account back and the undo
 * ledger can delete it with the account's own credentials. Stateless and thread-safe.
 */
public final class Logins {

    private Logins() {
    }

    /** The documented login operation of the scan's surface, if there is one. */
    public static Optional<Operation> operation(CheckContext ctx) {
        Map<Operation, List<InputPoint>> byOp = ctx.inventory().surface().byOperation();
        for (var e : byOp.entrySet()) {
            Operation op = e.getKey();
            boolean password = e.getValue().stream().anyMatch(p -> p.location() == InputLocation.JSON
                    && p.is(ValueShape.PASSWORD));
            if (op.method().equals("POST") && password && loginPath(op.path())) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    private static boolean loginPath(String path) {
        for (String segment : path.split("/")) {
            for (String word : segment.split("[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")) {
                if (WriteVocabulary.DEFAULT.get().loginWords().contains(WriteVocabulary.normal(word))) {
                    return true;
                }
            }
            if (WriteVocabulary.DEFAULT.get().loginWords().contains(WriteVocabulary.normal(segment))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The headers that act as the account {@code markers} created (its user name, e-mail and password are the
     * markers' values): {@code Authorization: Bearer <token>} from the login answer, or the session cookies it
     * set. One probe; empty when there is no login or it refused.
     */
    public static Optional<Headers> logIn(CheckContext ctx, Markers markers) throws InterruptedException {
        Optional<Operation> login = operation(ctx);
        if (login.isEmpty() || ctx.remainingBudget() <= 0) {
            return Optional.empty();
        }
        Operation op = login.get();
        ObjectNode body = WriteBodies.example(op).orElseGet(() -> new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode());
        for (InputPoint p : ctx.inventory().surface().inputsOf(op)) {
            String v = p.location() == InputLocation.JSON ? markers.valueFor(p) : null;
            if (v != null) {
                WriteBodies.set(body, p.locator(), TextNode.valueOf(v));
            }
        }
        Exchange answer = ctx.probe(WriteBodies.request(op, op.uri(), body, Identity.ANONYMOUS));
        Optional<String> token = WriteBodies.answer(answer).flatMap(Logins::tokenIn);
        if (token.isPresent()) {
            return Optional.of(Headers.of("Authorization", "Bearer " + token.get()));
        }
        List<String> cookies = answer.answered() && answer.status() / 100 == 2
                ? answer.responseHeaders().all("Set-Cookie") : List.of();
        if (cookies.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder cookie = new StringBuilder();
        for (String c : cookies) {
            int semi = c.indexOf(';');
            cookie.append(cookie.isEmpty() ? "" : "; ").append((semi < 0 ? c : c.substring(0, semi)).strip());
        }
        return Optional.of(Headers.of("Cookie", cookie.toString()));
    }

    /** The token of a login answer: a token field at the top level, else one object down. */
    private static Optional<String> tokenIn(ObjectNode o) {
        Optional<String> top = tokenField(o);
        if (top.isPresent()) {
            return top;
        }
        for (JsonNode child : o) {
            if (child instanceof ObjectNode inner) {
                Optional<String> t = tokenField(inner);
                if (t.isPresent()) {
                    return t;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> tokenField(ObjectNode o) {
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isTextual() && f.getValue().asText().length() >= 8
                    && WriteVocabulary.DEFAULT.get().tokenFields().contains(WriteVocabulary.normal(f.getKey()))) {
                return Optional.of(f.getValue().asText());
            }
        }
        return Optional.empty();
    }
}
