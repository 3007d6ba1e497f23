package dev.parapet.engine;

import dev.parapet.model.Exchange;
import dev.parapet.score.Grading;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the target's answers were made of, for the scan's verdict: every answer counted once per attempt (retries of
 * a 429 included), by kind. Thread-safe.
 */
final class AnswerTally {

    private final LongAdder answered = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder tooManyRequests = new LongAdder();
    private final LongAdder gateway = new LongAdder();
    private final LongAdder api = new LongAdder();

    void record(Exchange e) {
        if (!e.answered()) {
            return;
        }
        answered.increment();
        int status = e.status();
        boolean retryAfter = e.responseHeaders().has("Retry-After");
        if (status == 429) {
            throttled.increment();
            tooManyRequests.increment();
        } else if (status == 503 && retryAfter) {
            throttled.increment();
        } else if (status == 502 || status == 503 || status == 504) {
            gateway.increment();
        } else if (apiContent(e)) {
            api.increment();
        }
    }

    /**
     * An answer only an API gives: a machine-readable body (JSON, XML other than XHTML, GraphQL, protobuf, gRPC) with
     * a success status, or with 401/403 (an API that wants credentials). A JSON 404 is not one: many HTML sites and
     * web servers answer unknown paths so. A body labelled JSON counts only when it begins like a JSON value: a
     * decompression bomb of zeros or a binary blob sent as {@code application/json} on every path is no evidence
     * that anything API-like was tested.
     */
    static boolean apiContent(Exchange e) {
        int status = e.status();
        if (!(status >= 200 && status < 300 || status == 401 || status == 403)) {
            return false;
        }
        String type = e.response().contentType().toLowerCase(Locale.ROOT);
        return e.response().isJson() && startsLikeJson(e.response().body()) || type.contains("xml") && !type.contains("html") || type.contains("graphql")
                || type.contains("protobuf") || type.contains("grpc");
    }

    /**
     * Whether the first non-whitespace character can open a JSON text (RFC 8259 value), or the anti-hijacking
     * prefixes APIs put before it ({@code )]}'}, {@code while(1);}); an empty body cannot.
     */
    static boolean startsLikeJson(String body) {
        if (body == null) {
            return false;
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF') {
                continue;
            }
            return c == '{' || c == '[' || c == '"' || c == '-' || c >= '0' && c <= '9' || c == 't' || c == 'f'
                    || c == 'n' || c == ')' || c == 'w';
        }
        return false;
    }

    Grading.Answers snapshot() {
        return new Grading.Answers(answered.sum(), throttled.sum(), tooManyRequests.sum(), gateway.sum(), api.sum());
    }
}
