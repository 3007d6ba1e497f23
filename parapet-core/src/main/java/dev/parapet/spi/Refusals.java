package dev.parapet.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an answer let the caller in, whatever its status code says. Every access-control judgement (the engine's
 * auth-validity probe, the authentication, BOLA, BFLA and property checks, JWT replays) asks this one classifier,
 * so a refusal sent as {@code 200 {"error":"missing Token in header"}}, a login page, a redirect to a login or an
 * empty envelope is never read as access granted anywhere.
 *
 * <ul>
 *   <li>{@link Verdict#REFUSED}: a refusal status (401, 403, 407, 419, 440, 511); a redirect to a login; a login
 *       page (an HTML form with a password field); a refusal phrase ({@code unauthorized}, {@code jwt malformed},
 *       {@code no auth token}… in many frameworks and languages, data in {@code refusals.json}) in a JSON body's
 *       message fields, an HTML page's title or headings, a short text body or an error answer's text; a JSON
 *       flag such as {@code "authenticated": false}; or 401/403 written in a JSON body's {@code status}.</li>
 *   <li>{@link Verdict#GRANTED}: a 2xx answer carrying data — a JSON body with a non-empty field beyond messages and
 *       envelope metadata, a non-empty root array, an HTML page or text that is not a refusal.</li>
 *   <li>{@link Verdict#EMPTY}: a 2xx answer with nothing in it — no body, {@code {}}, {@code []},
 *       {@code {"data":[]}}, {@code {"items":[],"total":0}}, a message alone — or a redirect elsewhere.</li>
 *   <li>{@link Verdict#ERROR}: no answer, any other 4xx/5xx, or a 2xx error report ({@code {"error":"…"}},
 *       {@code {"success":false}}) that names no refusal.</li>
 * </ul>
 * A refusal message next to a full data record ({@link #RECORD} or more data fields) is GRANTED: the data was
 * served. Pure and thread-safe; bodies are read up to {@link #MAX_TEXT} characters.
 */
public final class Refusals {

    /** How an answer treats the caller. Only {@link #GRANTED} served anything. */
    public enum Verdict {
        REFUSED, GRANTED, EMPTY, ERROR
    }

    /**
     * A verdict and, for evidence, what the answer was, always starting with its status: {@code "401"},
     * {@code "200 with message 'missing Token in header'"}, {@code "302 redirect to a login (/login)"}.
     */
    public record Judgement(Verdict verdict, String reason) {
        public boolean refused() {
            return verdict == Verdict.REFUSED;
        }

        public boolean granted() {
            return verdict == Verdict.GRANTED;
        }
    }

    /** Data fields that make a record of an object even when a refusal message sits beside them. */
    static final int RECORD = 3;
    /** Characters of a body examined: enough for any refusal, bounded for huge pages. */
    static final int MAX_TEXT = 64 * 1024;
    /** A text body longer than this is content, whatever words it contains. */
    private static final int SHORT_TEXT = 512;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RefusalPhrases DATA = RefusalPhrases.DEFAULT;
    private static final Pattern PASSWORD_INPUT = Pattern.compile(
            "(?i)<input\\b[^>]{0,400}?\\btype\\s*=\\s*[\"']?password\\b");
    private static final Pattern HEADING = Pattern.compile("(?is)<(title|h1|h2|pre)\\b[^>]{0,200}>([^<]{1,300})<");
    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");

    private Refusals() {
    }

    /** The verdict on {@code e}. */
    public static Judgement judge(Exchange e) {
        if (!e.answered()) {
            return new Judgement(Verdict.ERROR, "no answer (" + e.outcome().name().toLowerCase(Locale.ROOT) + ")");
        }
        int status = e.status();
        if (DATA.refusalStatuses().contains(status)) {
            return new Judgement(Verdict.REFUSED, String.valueOf(status));
        }
        if (status >= 300 && status < 400) {
            String location = e.responseHeaders().first("Location").orElse("");
            return DATA.loginLocation().matcher(location.toLowerCase(Locale.ROOT)).find()
                    ? new Judgement(Verdict.REFUSED, status + " redirect to a login (" + cut(location, 80) + ")")
                    : new Judgement(Verdict.EMPTY, status + " redirect" + (location.isEmpty() ? "" : " to "
                    + cut(location, 80)));
        }
        String body = e.body().length() > MAX_TEXT ? e.body().substring(0, MAX_TEXT) : e.body();
        String type = e.responseHeaders().first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String start = body.stripLeading();
        if (type.contains("json") || start.startsWith("{") || start.startsWith("[")) {
            JsonNode root = parse(start);
            if (root != null) {
                return json(status, root);
            }
        }
        if (type.contains("html") || start.regionMatches(true, 0, "<!doctype html", 0, 14)
                || start.regionMatches(true, 0, "<html", 0, 5)) {
            return html(status, body);
        }
        return text(status, body.strip());
    }

    /** Whether {@code e} is a refusal. */
    public static boolean refused(Exchange e) {
        return judge(e).refused();
    }

    /** Whether {@code e} served something: the only verdict that may count as access. */
    public static boolean granted(Exchange e) {
        return judge(e).granted();
    }

    /**
     * Same status and body, ignoring digits (timestamps and request ids change between two answers to the same
     * request): the comparison replays and identity tests use to say two callers were answered alike.
     */
    public static boolean sameAnswer(Exchange a, Exchange b) {
        return a.status() == b.status() && digitless(a.body()).equals(digitless(b.body()));
    }

    private static String digitless(String s) {
        return s.replaceAll("\\d", "");
    }

    private static Judgement json(int status, JsonNode root) {
        List<String> messages = new ArrayList<>();
        int dataFields = 0;
        String refusal = null;
        String failure = null;
        if (root.isObject()) {
            boolean problemShaped = true;
            for (Map.Entry<String, JsonNode> f : root.properties()) {
                String name = RefusalPhrases.field(f.getKey());
                JsonNode v = f.getValue();
                if (DATA.deniedFlags().contains(name) && v.isBoolean() && !v.asBoolean()) {
                    refusal = f.getKey() + ": false";
                } else if (DATA.failureFlags().contains(name) && v.isBoolean() && !v.asBoolean()) {
                    failure = f.getKey() + ": false";
                }
                if (DATA.messageFields().contains(name)) {
                    collect(v, messages, 0);
                    if (DATA.errorFields().contains(name) && hasContent(v)) {
                        failure = failure == null ? f.getKey() : failure;
                    }
                    if ((name.equals("status") || name.equals("statuscode") || name.equals("code"))
                            && (v.asInt() == 401 || v.asInt() == 403)) {
                        refusal = f.getKey() + ": " + v.asInt();
                    }
                } else if (!DATA.envelopeFields().contains(name) && !DATA.problemFields().contains(name)
                        && !DATA.deniedFlags().contains(name) && !DATA.failureFlags().contains(name)
                        && hasContent(v) && !(v.isTextual() && v.asText().length() < 120
                        && DATA.phraseIn(v.asText()) != null)) {
                    dataFields++;
                    problemShaped = false;
                } else if (!DATA.envelopeFields().contains(name) && !DATA.problemFields().contains(name) && v.isTextual()) {
                    messages.add(v.asText());
                }
            }
            if (problemShaped) {
                for (String problem : DATA.problemFields()) {
                    root.properties().stream().filter(p -> RefusalPhrases.field(p.getKey()).equals(problem))
                            .forEach(p -> collect(p.getValue(), messages, 0));
                }
            }
        } else if (root.isArray()) {
            if (root.isEmpty()) {
                return empty(status, "an empty array");
            }
            JsonNode first = root.get(0);
            if (!first.isObject()) {
                return status / 100 == 2 ? new Judgement(Verdict.GRANTED, status + " with a list")
                        : new Judgement(Verdict.ERROR, String.valueOf(status));
            }
            Judgement element = json(status, first);
            return element.verdict() == Verdict.EMPTY && hasContent(root) && status / 100 == 2
                    ? new Judgement(Verdict.GRANTED, status + " with a list") : element;
        }
        for (String m : messages) {
            String phrase = DATA.phraseIn(m);
            if (phrase != null) {
                refusal = "message '" + cut(m, 80) + "'";
                break;
            }
        }
        if (dataFields >= RECORD && status / 100 == 2) {
            return new Judgement(Verdict.GRANTED, status + " with a data record" + (refusal == null ? ""
                    : " (beside " + refusal + ")"));
        }
        if (refusal != null) {
            return new Judgement(Verdict.REFUSED, status + " with " + refusal);
        }
        if (status / 100 != 2) {
            return new Judgement(Verdict.ERROR, String.valueOf(status));
        }
        if (dataFields > 0 && failure == null) {
            return new Judgement(Verdict.GRANTED, status + " with data");
        }
        if (failure != null) {
            return new Judgement(Verdict.ERROR, status + " with an error report (" + failure + ")");
        }
        return empty(status, messages.isEmpty() ? "no data" : "a message and no data");
    }

    private static Judgement empty(int status, String what) {
        return status / 100 == 2 ? new Judgement(Verdict.EMPTY, status + " with " + what)
                : new Judgement(Verdict.ERROR, String.valueOf(status));
    }

    /** Message texts: strings directly, and under objects and arrays up to four levels down. */
    private static void collect(JsonNode v, List<String> out, int depth) {
        if (v == null || depth > 4 || out.size() > 32) {
            return;
        }
        if (v.isTextual()) {
            out.add(v.asText());
        } else if (v.isContainerNode()) {
            v.forEach(c -> collect(c, out, depth + 1));
        }
    }

    /** A non-blank scalar somewhere inside, envelope metadata aside. */
    private static boolean hasContent(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isTextual()) {
            return !v.asText().isBlank();
        }
        if (v.isValueNode()) {
            return true;
        }
        if (v.isArray()) {
            for (JsonNode c : v) {
                if (hasContent(c)) {
                    return true;
                }
            }
            return false;
        }
        for (Map.Entry<String, JsonNode> f : v.properties()) {
            if (!DATA.envelopeFields().contains(RefusalPhrases.field(f.getKey())) && hasContent(f.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static Judgement html(int status, String body) {
        if (PASSWORD_INPUT.matcher(body).find()) {
            return new Judgement(Verdict.REFUSED, status + " with a login page (a password field)");
        }
        Matcher m = HEADING.matcher(body);
        int seen = 0;
        while (m.find() && seen++ < 8) {
            String phrase = DATA.phraseIn(m.group(2));
            if (phrase != null) {
                return new Judgement(Verdict.REFUSED, status + " with a page saying '" + cut(m.group(2).strip(), 80)
                        + "'");
            }
        }
        if (status / 100 != 2) {
            return errorText(status, TAG.matcher(body).replaceAll(" "));
        }
        return TAG.matcher(body).replaceAll("").isBlank() ? new Judgement(Verdict.EMPTY, status + " with an empty page")
                : new Judgement(Verdict.GRANTED, status + " with an HTML page");
    }

    private static Judgement text(int status, String body) {
        if (status / 100 != 2) {
            return errorText(status, body);
        }
        if (body.isEmpty()) {
            return new Judgement(Verdict.EMPTY, status + " with no body");
        }
        if (body.length() <= SHORT_TEXT && DATA.phraseIn(body) != null) {
            return new Judgement(Verdict.REFUSED, status + " saying '" + cut(body, 80) + "'");
        }
        return new Judgement(Verdict.GRANTED, status + " with content");
    }

    /** Error answers name refusals in their first lines (express-jwt's 500 "UnauthorizedError: …" page). */
    private static Judgement errorText(int status, String text) {
        String head = text.length() > 2_000 ? text.substring(0, 2_000) : text;
        String phrase = DATA.phraseIn(head);
        return phrase != null ? new Judgement(Verdict.REFUSED, status + " naming '" + phrase + "'")
                : new Judgement(Verdict.ERROR, String.valueOf(status));
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isContainerNode() ? n : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static String cut(String s, int max) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
