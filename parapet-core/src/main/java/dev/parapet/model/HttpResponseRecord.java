package dev.parapet.model;

/**
 * A response as received. {@code body} is the decoded text (UTF-8 with malformed input replaced), cut at the
 * engine's body cap; {@code truncated} says whether it was cut and {@code bodyBytes} how many bytes were read
 * before decoding to text. {@code tlsProtocol} is the negotiated protocol for HTTPS, or empty.
 */
public record HttpResponseRecord(int status, Headers headers, String body, long bodyBytes, boolean truncated,
                                 String tlsProtocol) {
    public HttpResponseRecord {
        body = body == null ? "" : body;
        headers = headers == null ? Headers.EMPTY : headers;
        tlsProtocol = tlsProtocol == null ? "" : tlsProtocol;
    }

    /**
     * This response with its body cut to its first {@code maxChars} characters (never inside a surrogate pair),
     * marked truncated; {@code bodyBytes} still says how long the body was. The same instance when it fits.
     */
    public HttpResponseRecord withBodyWindow(int maxChars) {
        if (body.length() <= maxChars) {
            return this;
        }
        return new HttpResponseRecord(status, headers, BodyWindow.head(body, maxChars), bodyBytes, true, tlsProtocol);
    }

    public String contentType() {
        return headers.first("Content-Type").orElse("");
    }

    public boolean isJson() {
        String ct = contentType().toLowerCase(java.util.Locale.ROOT);
        return ct.contains("json");
    }

    public boolean isHtml() {
        return contentType().toLowerCase(java.util.Locale.ROOT).contains("html");
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
