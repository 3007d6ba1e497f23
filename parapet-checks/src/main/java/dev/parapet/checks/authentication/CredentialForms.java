package dev.parapet.checks.authentication;

import java.util.function.Supplier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.checks.support.CheckData;
import dev.parapet.model.Endpoint;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiRequestBody;
import dev.parapet.spi.HtmlForm;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.Operation;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Where a target takes a user name and a password: login and registration operations, found in the attack surface
 * (its operations' example bodies), in the API description (POST operations named or summarised like a login or a
 * sign-up, with a password property), in HTML forms with a password field, and, for logins only, at discovered
 * login-like paths ({@code /login}, {@code /api/auth/token}…) as a JSON body. Data: {@code forms.json}. Stateless.
 */
final class CredentialForms {

    /** The vocabulary of {@code forms.json}. */
    record Data(Pattern loginPath, Pattern loginWords, Pattern registrationPath, Pattern registrationWords,
                List<String> userFields, List<String> passwordFields, List<String> confirmFields,
                List<String> emailFields, List<String> nameFields, List<String> likelyUsers) {

        boolean password(String field) {
            return passwordFields.contains(normal(field));
        }

        boolean confirm(String field) {
            return confirmFields.contains(normal(field));
        }

        boolean user(String field) {
            return userFields.contains(normal(field));
        }
    }

    static final Supplier<Data> DATA = CheckData.once(() -> CheckData.load("login-user-enumeration", "forms.json", Data.class));
    private static final ObjectMapper JSON = new ObjectMapper();

    private CredentialForms() {
    }

    /** Login forms, surface and spec first, at most {@code max}. */
    static List<CredentialForm> logins(Inventory inv, int max) {
        return find(inv, DATA.get().loginPath(), DATA.get().loginWords(), true, max);
    }

    /** Registration forms, at most {@code max}. */
    static List<CredentialForm> registrations(Inventory inv, int max) {
        return find(inv, DATA.get().registrationPath(), DATA.get().registrationWords(), false, max);
    }

    private static List<CredentialForm> find(Inventory inv, Pattern path, Pattern words, boolean login, int max) {
        Map<String, CredentialForm> out = new LinkedHashMap<>();
        Predicate<String> named = text -> text != null && !text.isBlank() && words.matcher(text).find();
        for (Operation op : inv.surface().operations()) {
            boolean documentedAs = op.documented().map(d -> named.test(d.operationId()) || named.test(d.summary()))
                    .orElse(false);
            if (op.method().equals("POST") && (matches(path, op.path()) || documentedAs) && opposite(op.path(), login)) {
                fields(op.example().body(), op.example().headers().first("Content-Type").orElse(""))
                        .flatMap(f -> form(op.uri(), isJson(op.example().headers().first("Content-Type").orElse("")),
                                f, "surface " + op.display()))
                        .ifPresent(f -> out.putIfAbsent(f.uri().toString(), f));
            }
        }
        for (ApiOperation op : inv.spec().operations()) {
            if (!op.method().equals("POST") || op.uri().isEmpty() || !(matches(path, op.pathTemplate())
                    || named.test(op.operationId()) || named.test(op.summary())) || !opposite(op.pathTemplate(), login)) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            op.requestBody().ifPresent(b -> b.fields().stream().filter(f -> !f.name().contains("."))
                    .forEach(f -> fields.put(f.name(), f.value())));
            op.requestSchemaProperties().forEach(n -> fields.putIfAbsent(n, ""));
            boolean json = op.requestBody().map(ApiRequestBody::json).orElse(true);
            form(op.uri().get(), json, fields, "documented " + op.display())
                    .ifPresent(f -> out.putIfAbsent(f.uri().toString(), f));
        }
        for (HtmlForm f : inv.forms()) {
            long passwords = f.fields().stream().filter(x -> x.type().equals("password")).count();
            boolean looksLike = login ? passwords == 1 : passwords >= 2 || matches(path, f.action().getPath());
            if (f.method().equals("POST") && passwords > 0 && looksLike) {
                Map<String, String> fields = new LinkedHashMap<>();
                f.fields().forEach(x -> fields.put(x.name(), x.value()));
                form(f.action(), false, fields, "form on " + f.page().getRawPath())
                        .ifPresent(c -> out.putIfAbsent(c.uri().toString(), c));
            }
        }
        if (login && out.isEmpty()) {
            for (Endpoint e : inv.endpoints()) {
                if (matches(path, e.uri().getPath()) && !e.uri().toString().contains("{")) {
                    Map<String, String> guess = new LinkedHashMap<>();
                    guess.put("username", "");
                    guess.put("password", "");
                    form(e.uri(), true, guess, "login-like path " + e.uri().getRawPath())
                            .ifPresent(c -> out.putIfAbsent(c.uri().toString(), c));
                }
            }
        }
        return out.values().stream().limit(max).toList();
    }

    /** A registration path is no login and the other way round: {@code /users/login} is a login. */
    private static boolean opposite(String path, boolean login) {
        return login || !matches(DATA.get().loginPath(), path);
    }

    private static boolean matches(Pattern p, String path) {
        return path != null && p.matcher(path.toLowerCase(Locale.ROOT)).find();
    }

    private static Optional<CredentialForm> form(URI uri, boolean json, Map<String, String> fields, String source) {
        String user = preferred(fields.keySet(), DATA.get().userFields());
        String password = preferred(fields.keySet(), DATA.get().passwordFields());
        if (user == null || password == null) {
            return Optional.empty();
        }
        List<String> confirms = fields.keySet().stream().filter(DATA.get()::confirm).toList();
        Map<String, String> others = new LinkedHashMap<>(fields);
        others.remove(user);
        others.remove(password);
        confirms.forEach(others::remove);
        return Optional.of(new CredentialForm(uri, json, user, password, confirms, others, source));
    }

    /** The field whose name comes first in {@code vocabulary} (its order is a preference), or null. */
    private static String preferred(java.util.Collection<String> fields, List<String> vocabulary) {
        for (String wanted : vocabulary) {
            for (String f : fields) {
                if (normal(f).equals(wanted)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Top-level fields of a JSON object or form body, with their values. */
    private static Optional<Map<String, String>> fields(String body, String contentType) {
        Map<String, String> out = new LinkedHashMap<>();
        if (isJson(contentType) || body.stripLeading().startsWith("{")) {
            try {
                JsonNode n = JSON.readTree(body);
                if (n == null || !n.isObject()) {
                    return Optional.empty();
                }
                n.properties().forEach(p -> out.put(p.getKey(), p.getValue().isValueNode() ? p.getValue().asText() : ""));
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        } else {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private static boolean isJson(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    /**
     * Why a check that posts to {@code found} cannot run: outside active mode ({@code writes} says what the post
     * does), or with no such form ({@code what}: "login", "registration"); empty when it can.
     */
    static Optional<dev.parapet.spi.CheckOutcome> unavailable(dev.parapet.spi.CheckContext ctx,
                                                              List<CredentialForm> found, String writes, String what) {
        if (ctx.mode() != dev.parapet.model.ScanMode.ACTIVE) {
            return Optional.of(dev.parapet.spi.CheckOutcome.notApplicable(writes + ": runs only with --mode active "
                    + "against a host named with --i-own"));
        }
        return found.isEmpty() ? Optional.of(dev.parapet.spi.CheckOutcome.notApplicable("no " + what + " operation in "
                + "the surface, the API description, the forms or the discovered paths")) : Optional.empty();
    }

    /** Eight random hexadecimal digits, for Parapet's made-up user names and passwords. */
    static String randomHex() {
        byte[] b = new byte[4];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    static String normal(String field) {
        return field.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
    }
}
