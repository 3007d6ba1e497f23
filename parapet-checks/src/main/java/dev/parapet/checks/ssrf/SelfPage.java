package dev.parapet.checks.ssrf;

import dev.parapet.model.Exchange;
import dev.parapet.spi.Inventory;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A page of the target whose body Parapet already holds, addressed through loopback ({@code 127.0.0.1} and the
 * target's own port), with the {@code markers} that identify its body: up to {@value #MARKERS} distinctive tokens
 * that the parameter's baseline response did not carry, that the probe URL itself does not contain and that are not
 * URLs (so a server echoing the URL, or naming its own addresses in an error, is not mistaken for one that fetched
 * it). Immutable.
 */
record SelfPage(URI loopbackUrl, List<String> markers) {

    static final int MARKERS = 2;
    private static final int MIN_TOKEN = 8;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:/-]{" + MIN_TOKEN + ",64}");

    /** Whether every marker is in {@code body}. */
    boolean foundIn(String body) {
        return !markers.isEmpty() && markers.stream().allMatch(body::contains);
    }

    /**
     * Picks the page to ask an input on {@code ownPath} to fetch: the target's own page first, then other answered
     * pages, never the input's own path; empty when no recorded page has a body with distinctive tokens.
     * {@code probeText} gives the text of the probe that would carry a URL (so tokens it holds are not markers).
     */
    static Optional<SelfPage> choose(Inventory inventory, String ownPath, java.util.function.UnaryOperator<String>
            probeText, String baselineBody) {
        Stream<Exchange> pages = Stream.concat(inventory.targetExchange().stream(), inventory.answeredGets().stream());
        // lazily: the first page with enough markers ends the walk, so a scan with many pages does not list them all
        for (Exchange page : (Iterable<Exchange>) pages.filter(e -> e.status() == 200 && !e.body().isBlank())
                .filter(e -> !e.request().uri().getRawPath().equals(ownPath))::iterator) {
            URI loopback = loopbackOf(page.request().uri());
            String probeUrl = probeText.apply(loopback.toString()) + " " + loopback;
            List<String> markers = markers(page.body(), baselineBody, probeUrl);
            if (markers.size() == MARKERS) {
                return Optional.of(new SelfPage(loopback, markers));
            }
        }
        return Optional.empty();
    }

    /** {@code uri} with its host replaced by {@code 127.0.0.1}, scheme, port, path and query kept. */
    static URI loopbackOf(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return URI.create(uri.getScheme() + "://127.0.0.1:" + port + (uri.getRawPath() == null
                || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private static List<String> markers(String body, String baselineBody, String probeUrl) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(body);
        while (m.find() && out.size() < MARKERS) {
            String token = m.group();
            boolean hasLetters = token.chars().filter(Character::isLetter).count() >= 4;
            if (hasLetters && !token.contains("://") && !baselineBody.contains(token) && !probeUrl.contains(token)) {
                out.add(token);
            }
        }
        return new ArrayList<>(out);
    }
}
