package dev.parapet.checks.authentication;

import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.Optional;

/**
 * Where the user's token travels, learnt from a request that carried it: the header ({@code Authorization},
 * {@code Cookie}, {@code X-Access-Token}…) and what surrounds the token in its value ({@code Bearer }, a cookie
 * name). A forgery is sent the same way, {@linkplain Identity#ANONYMOUS as nobody} so none of the user's real
 * credentials travel with it; in a cookie header only the token's own cookie is kept. Immutable.
 */
record JwtCarrier(String header, String before, String after) {

    /** How {@code raw} travelled in {@code request}, if it did. */
    static Optional<JwtCarrier> in(HttpRequestRecord request, String raw) {
        for (Headers.Field f : request.headers().fields()) {
            int at = f.value().indexOf(raw);
            if (at < 0) {
                continue;
            }
            String before = f.value().substring(0, at);
            String after = f.value().substring(at + raw.length());
            if (f.name().equalsIgnoreCase("Cookie")) {
                before = before.substring(before.lastIndexOf(';') + 1).stripLeading();
                int end = after.indexOf(';');
                after = end < 0 ? after : after.substring(0, end);
            }
            return Optional.of(new JwtCarrier(f.name(), before, after));
        }
        return Optional.empty();
    }

    /** An anonymous GET of {@code uri} carrying {@code token} where the user's token travels. */
    ProbeRequest get(URI uri, String token) {
        return ProbeRequest.get(uri).as(Identity.ANONYMOUS).withHeader(header, before + token + after);
    }

    /** {@code sent in cookie session_token} or {@code sent in header Authorization after 'Bearer'}, for evidence. */
    String describe() {
        if (header.equalsIgnoreCase("Cookie")) {
            return "sent in cookie " + before.substring(0, Math.max(0, before.length() - 1)).strip();
        }
        return "sent in header " + header + (before.isBlank() ? "" : " after '" + before.strip() + "'");
    }
}
