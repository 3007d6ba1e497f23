package dev.parapet.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.model.Reference;

import java.util.List;
import java.util.Map;

/** Writes a finding, with its exchanges, as the JSON subtree documented in {@code docs/output.md}. Stateless. */
final class JsonFindingWriter {

    private JsonFindingWriter() {
    }

    static ObjectNode finding(Finding f) {
        ObjectNode node = JsonRenderer.NODES.objectNode();
        node.put("fingerprint", f.fingerprint());
        node.put("checkId", f.checkId());
        node.put("category", JsonIds.of(f.category()));
        node.put("severity", JsonIds.of(f.severity()));
        node.put("confidence", JsonIds.of(f.confidence()));
        node.put("title", f.title());
        node.set("endpoint", endpoint(f.endpoint()));
        node.put("parameter", f.parameter());
        node.put("evidence", f.evidence());
        node.put("remediation", f.remediation());
        ArrayNode refs = node.putArray("references");
        for (Reference ref : f.references()) {
            ObjectNode r = refs.addObject();
            r.put("kind", JsonIds.of(ref.kind()));
            r.put("id", ref.id());
            r.put("url", ref.url());
        }
        ArrayNode tags = node.putArray("tags");
        f.sortedTags().forEach(tags::add);
        node.put("curl", f.curl());
        ArrayNode exchanges = node.putArray("exchanges");
        f.exchanges().forEach(e -> exchanges.add(exchange(e)));
        return node;
    }

    private static ObjectNode exchange(Exchange e) {
        ObjectNode node = JsonRenderer.NODES.objectNode();
        HttpRequestRecord req = e.request();
        ObjectNode request = node.putObject("request");
        request.put("method", req.method());
        request.put("url", req.uri().toString());
        request.set("headers", headers(req.headers()));
        request.put("body", req.body());
        HttpResponseRecord res = e.response();
        if (res == null) {
            node.putNull("response");
        } else {
            ObjectNode response = node.putObject("response");
            response.put("status", res.status());
            response.set("headers", headers(res.headers()));
            response.put("body", res.body());
            response.put("bodyBytes", res.bodyBytes());
            response.put("truncated", res.truncated());
            response.put("tlsProtocol", res.tlsProtocol());
        }
        node.put("outcome", JsonIds.of(e.outcome()));
        node.put("error", e.error());
        node.put("elapsedMillis", JsonRenderer.millis(e.elapsed()));
        node.put("redirects", e.redirects());
        return node;
    }

    /** Lower-cased names to their values in order, as HTTP/2 spells them and as look-ups expect. */
    private static ObjectNode headers(Headers headers) {
        ObjectNode node = JsonRenderer.NODES.objectNode();
        for (Map.Entry<String, List<String>> e : headers.asMap().entrySet()) {
            ArrayNode values = node.putArray(e.getKey());
            e.getValue().forEach(values::add);
        }
        return node;
    }

    static ObjectNode endpoint(Endpoint e) {
        ObjectNode node = JsonRenderer.NODES.objectNode();
        node.put("method", e.method());
        node.put("url", e.uri().toString());
        node.put("source", JsonIds.of(e.source()));
        return node;
    }
}
