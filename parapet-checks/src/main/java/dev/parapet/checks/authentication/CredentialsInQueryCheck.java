package dev.parapet.checks.authentication;

import java.util.function.Supplier;
import dev.parapet.checks.support.AuthBaseline;
import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.SpecResponses;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiParameter;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.HtmlForm;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Refusals;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Credentials in URLs, where servers, proxies, browser history and Referer headers keep them: the API description
 * documenting password, token or API-key query parameters; HTML forms that send a password field by GET;
 * discovered URLs carrying a credential ({@code ?token=…}), confirmed when the URL is granted data and the same URL
 * without it is not; and the user's own token (the value of its {@code Authorization} or API-key header) offered
 * as {@code ?access_token=}, {@code ?api_key=}… to an endpoint that refuses anonymous requests, confirmed when it
 * is granted the authenticated answer. GET only. Parameter names are data ({@code parameters.json}). Stateless.
 */
public final class CredentialsInQueryCheck implements Check {

    /** Names the user's token is offered under; discovered URLs tried with and without their credential. */
    private static final int MAX_NAMES = 4;
    private static final int MAX_URLS = 2;
    private static final int BASELINE = 6;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("credentials-in-query", Category.AUTHENTICATION,
            "Credentials accepted in the query string",
            "Finds passwords, tokens and API keys in URLs: documented query parameters, GET login forms, discovered "
                    + "links, and the user's own token offered as ?access_token= or ?api_key= to a protected endpoint.",
            Severity.MEDIUM, List.of(598, 522), BASELINE + 3 + MAX_NAMES + 2 * MAX_URLS, Set.of("authentication",
            "credentials"),
            "Accept credentials only in headers (Authorization) or bodies sent by POST, never in the query string; "
                    + "turn off query-string tokens (passport-http-bearer, Spring's `allowUriQueryParameter`, "
                    + "DRF/Django `?api_key=` middleware) and send login forms with method=\"post\".");

    /** The vocabulary of {@code parameters.json}. */
    record Parameters(List<String> credentialParameters, List<String> passwordParameters, List<String> tryNames) {
        boolean credential(String name) {
            return credentialParameters.contains(CredentialForms.normal(name));
        }

        boolean password(String name) {
            return passwordParameters.contains(CredentialForms.normal(name));
        }
    }

    private static final Supplier<Parameters> NAMES = CheckData.once(() -> CheckData.load(DESCRIPTOR.id(), "parameters.json", Parameters.class));

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        Set<String> documented = new LinkedHashSet<>();
        List<String> where = new ArrayList<>();
        for (ApiOperation op : ctx.inventory().spec().operations()) {
            for (ApiParameter p : op.parameters()) {
                if (p.in().equals("query") && NAMES.get().credential(p.name())) {
                    documented.add(p.name());
                    where.add(op.display() + " ?" + p.name());
                }
            }
        }
        for (HtmlForm f : ctx.inventory().forms()) {
            if (f.method().equals("GET") && f.fields().stream().anyMatch(x -> x.type().equals("password"))) {
                findings.add(formFinding(ctx, f));
            }
        }
        findings.addAll(QueryCredentials.discovered(ctx, NAMES.get(), MAX_URLS));
        Optional<Finding> accepted = ctx.has(Identity.PRIMARY) ? userToken(ctx, documented) : Optional.empty();
        accepted.ifPresent(findings::add);
        boolean confirmedDocumented = accepted.map(f -> documented.contains(f.parameter())).orElse(false);
        if (!where.isEmpty() && !confirmedDocumented) {
            findings.add(documentedFinding(ctx, where, documented.stream().anyMatch(NAMES.get()::password)));
        }
        return CheckOutcome.findings(findings);
    }

    /** The user's token offered in the query string of an endpoint that refuses anonymous callers. */
    private static Optional<Finding> userToken(CheckContext ctx, Set<String> documented) throws InterruptedException {
        Optional<AuthBaseline.Pair> pair = AuthBaseline.find(ctx, e -> QueryCredentials.token(e).isPresent(),
                BASELINE, 3);
        if (pair.isEmpty() || !pair.get().anonymousRefused() && Refusals.granted(pair.get().anonymous())) {
            return Optional.empty();
        }
        String token = QueryCredentials.token(pair.get().authenticated()).orElseThrow();
        Set<String> names = new LinkedHashSet<>();
        documented.stream().filter(n -> !NAMES.get().password(n)).forEach(names::add);
        names.addAll(NAMES.get().tryNames());
        URI uri = pair.get().authenticated().request().uri();
        for (String name : names.stream().limit(MAX_NAMES).toList()) {
            Exchange e = ctx.probe(ProbeRequest.get(QueryCredentials.with(uri, name, token)).as(Identity.ANONYMOUS));
            if (Refusals.granted(e) && !Refusals.sameAnswer(e, pair.get().anonymous())
                    && e.status() == pair.get().authenticated().status()) {
                return Optional.of(builder("user-token:" + name).severity(Severity.MEDIUM)
                        .confidence(Confidence.CONFIRMED)
                        .title("The API accepts the user's token in the query string (?" + name + "=)")
                        .parameter(name)
                        .evidence(Snippets.oneLine("GET " + uri.getRawPath() + "?" + name + "=<the user's token> "
                                + "without any header -> " + Refusals.judge(e).reason() + "; without it -> "
                                + Refusals.judge(pair.get().anonymous()).reason() + "; with the token in its header -> "
                                + pair.get().authenticated().status(), Snippets.MAX_EVIDENCE))
                        .exchange(e).exchange(pair.get().anonymous()).exchange(pair.get().authenticated())
                        .build());
            }
        }
        return Optional.empty();
    }

    private static Finding formFinding(CheckContext ctx, HtmlForm f) {
        Finding.Builder b = builder("form:" + f.action().getRawPath()).severity(Severity.MEDIUM).confidence(Confidence.FIRM)
                .title("Login form on " + f.page().getRawPath() + " sends the password in the URL (method GET)")
                .parameter(f.fields().stream().filter(x -> x.type().equals("password")).findFirst().orElseThrow().name())
                .evidence(Snippets.oneLine("<form method=\"get\" action=\"" + f.action().getRawPath() + "\"> with fields "
                        + f.fields().stream().map(HtmlForm.Field::name).toList() + ": submitting it puts the password "
                        + "in the query string", Snippets.MAX_EVIDENCE));
        ctx.inventory().exchanges().stream().filter(e -> e.request().uri().equals(f.page())).findFirst()
                .ifPresentOrElse(b::exchange, () -> b.endpoint(new Endpoint("GET", f.page(), Endpoint.Source.DISCOVERED)));
        return b.build();
    }

    private static Finding documentedFinding(CheckContext ctx, List<String> where, boolean password) {
        Finding.Builder b = builder("documented").severity(password ? Severity.MEDIUM : Severity.LOW)
                .confidence(Confidence.FIRM)
                .title("The API description takes " + (password ? "passwords" : "credentials") + " in query strings")
                .evidence(Snippets.oneLine("documented query parameters: " + String.join(", ", where),
                        Snippets.MAX_EVIDENCE));
        SpecResponses.specDocument(ctx.inventory()).ifPresentOrElse(b::exchange,
                () -> b.endpoint(new Endpoint("GET", ctx.inventory().target(), Endpoint.Source.SPEC)));
        return b.build();
    }

    static Finding.Builder builder(String discriminator) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(discriminator);
    }
}
