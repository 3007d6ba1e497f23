package dev.parapet.checks.authentication;

import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.spi.Inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every distinct JWT in discovery's exchanges: in request headers (the user's own, {@code supplied}) and in
 * responses (headers, {@code Set-Cookie}, bodies: issued by the API). A token seen both ways counts as supplied.
 * Stateless.
 */
final class JwtSightings {

    /** Header and payload both encode JSON objects, so both start with {@code eyJ}. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    /** Enough for any real API; a page full of tokens should not make the check's work unbounded. */
    static final int MAX_TOKENS = 20;

    private JwtSightings() {
    }

    static List<JwtToken> collect(Inventory inventory) {
        Map<String, JwtToken> seen = new LinkedHashMap<>();
        for (Exchange e : inventory.exchanges()) {
            for (String raw : find(e.request().headers())) {
                JwtToken.parse(raw, true, e).ifPresent(t -> {
                    JwtToken before = seen.get(raw);
                    if (before == null || !before.supplied()) {
                        seen.put(raw, t);
                    }
                });
            }
            if (!e.answered()) {
                continue;
            }
            List<String> issued = new ArrayList<>(find(e.responseHeaders()));
            issued.addAll(find(e.body()));
            for (String raw : issued) {
                if (!seen.containsKey(raw)) {
                    JwtToken.parse(raw, false, e).ifPresent(t -> seen.put(raw, t));
                }
            }
        }
        return seen.values().stream().limit(MAX_TOKENS).toList();
    }

    private static List<String> find(Headers headers) {
        List<String> out = new ArrayList<>();
        for (Headers.Field f : headers.fields()) {
            out.addAll(find(f.value()));
        }
        return out;
    }

    private static List<String> find(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = JWT.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
