package dev.parapet.model;

import java.util.Locale;
import java.util.Set;

/** Renders a request as a {@code curl} command line that reproduces it in a POSIX shell. */
public final class Curl {

    /** Headers curl or the transport sets by itself; repeating them adds only noise. */
    private static final Set<String> IMPLIED = Set.of("host", "content-length", "connection", "accept-encoding",
            "user-agent", "upgrade", "http2-settings");

    /** The Accept header Parapet sends when a probe sets none; curl's own default is close enough to omit it. */
    public static final String DEFAULT_ACCEPT = "application/json, text/html;q=0.9, */*;q=0.8";

    private Curl() {
    }

    public static String of(HttpRequestRecord request) {
        StringBuilder sb = new StringBuilder("curl -i -s");
        if (!request.method().equals("GET") || !request.body().isEmpty()) {
            if (request.method().equals("HEAD")) {
                sb.append(" -I");
            } else {
                sb.append(" -X ").append(request.method());
            }
        }
        for (Headers.Field f : request.headers().fields()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            boolean defaultAccept = name.equals("accept") && f.value().equals(DEFAULT_ACCEPT);
            if (!IMPLIED.contains(name) && !defaultAccept) {
                sb.append(" -H ").append(quote(f.name() + ": " + f.value()));
            }
        }
        if (!request.body().isEmpty()) {
            sb.append(" --data-raw ").append(quote(request.body()));
        }
        sb.append(" ").append(quote(request.uri().toASCIIString()));
        return sb.toString();
    }

    /** Single-quotes a word for a POSIX shell. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
