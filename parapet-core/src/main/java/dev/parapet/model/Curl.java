package dev.parapet.model;

import java.util.Locale;
import java.util.Set;

/** Renders a request as a {@code curl} command line that reproduces it in a POSIX shell. */
public final class Curl {

    /** Headers curl or the transport sets by itself; repeating them adds only noise. */
    private static final Set<String> IMPLIED = Set.of("host", "content-length", "connection", "accept-encoding",
            "user-agent", "upgrade", "http2-settings");

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
            if (!IMPLIED.contains(f.name().toLowerCase(Locale.ROOT))) {
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
