package dev.parapet.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpResponseRecord;

import java.util.List;
import java.util.Map;

/**
 * Writes a finding's proving exchange as SARIF's {@code webRequest} and {@code webResponse}. SARIF keys headers by
 * name with one string value, so repeated headers are joined with {@code ", "} as HTTP allows. Stateless.
 */
final class SarifExchangeWriter {

    private SarifExchangeWriter() {
    }

    static void write(Exchange e, ObjectNode result) {
        ObjectNode request = result.putObject("webRequest");
        request.put("protocol", "HTTP");
        request.put("target", e.request().uri().toString());
        request.put("method", e.request().method());
        request.set("headers", headers(e.request().headers()));
        if (!e.request().body().isEmpty()) {
            request.putObject("body").put("text", e.request().body());
        }
        ObjectNode response = result.putObject("webResponse");
        HttpResponseRecord res = e.response();
        if (res == null) {
            response.put("noResponseReceived", true);
            return;
        }
        response.put("protocol", "HTTP");
        response.put("statusCode", res.status());
        response.set("headers", headers(res.headers()));
        response.putObject("body").put("text", res.body());
    }

    private static ObjectNode headers(Headers headers) {
        ObjectNode node = JsonRenderer.NODES.objectNode();
        for (Map.Entry<String, List<String>> h : headers.asMap().entrySet()) {
            node.put(h.getKey(), String.join(", ", h.getValue()));
        }
        return node;
    }
}
