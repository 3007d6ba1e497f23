package dev.parapet.checks.llm;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import dev.parapet.checks.llm.LlmSignatures.Hit;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds LLM endpoints by path and response shape ({@link LlmShape}) among discovery's exchanges and a plain GET of
 * a short list of usual LLM routes, and reports what they give away to an anonymous caller: model output to a
 * request without credentials (MEDIUM), a system prompt (MEDIUM, the text itself read back) and the model's name
 * or token counts (LOW). Sends nothing but GETs; prompt-injection probing is not part of this check. Stateless and
 * thread-safe.
 */
public final class LlmEndpointExposureCheck implements Check {

    private static final Supplier<LlmSignatures> SIG = CheckData.once(() -> LlmSignatures.load());
    private static final int SHOWN_CHARS = 80;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("llm-endpoint-exposure", Category.LLM_SECURITY,
            "LLM endpoint exposed without authentication",
            "Recognises LLM endpoints by path and by OpenAI/Ollama-style responses and reports model output served "
                    + "without credentials, disclosed system prompts and model or token-usage metadata.",
            Severity.MEDIUM, List.of(284, 200), SIG.get().probePaths().size(), Set.of("llm", "ai"),
            "Put the model behind the API's authentication and per-user quotas, keep the system prompt server-side "
                    + "(never in a settings response), and strip 'model' and 'usage' from what clients receive.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        List<Exchange> examined = new ArrayList<>(ctx.inventory().answeredGets());
        Set<String> seenPaths = ctx.inventory().exchanges().stream().map(e -> path(e.request().uri()))
                .collect(Collectors.toCollection(HashSet::new));
        if (ctx.mode() != ScanMode.PASSIVE) {
            for (String p : SIG.get().probePaths()) {
                if (seenPaths.add(p) && ctx.remainingBudget() > 0) {
                    Exchange e = ctx.probe(ProbeRequest.get(ctx.inventory().target().resolve(p)));
                    if (e.answered()) {
                        examined.add(e);
                    }
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Exchange e : examined) {
            if (!e.response().isSuccess() || !e.response().isJson()) {
                continue;
            }
            Optional<LlmShape> shape = LlmShape.of(path(e.request().uri()), e.body(), SIG.get());
            if (shape.isPresent() && reported.add(path(e.request().uri()))) {
                findings.addAll(judge(e, shape.get()));
            }
        }
        if (reported.isEmpty()) {
            // Nothing to judge: the category is not assessed rather than scored 100 for an API without a model.
            return CheckOutcome.notApplicable("no LLM endpoint among " + examined.size() + " answered GETs");
        }
        return CheckOutcome.findings(findings);
    }

    private static List<Finding> judge(Exchange e, LlmShape shape) {
        List<Finding> out = new ArrayList<>();
        String path = path(e.request().uri());
        boolean anonymous = !e.request().caller().carriedCredentials()
                && SIG.get().credentialHeaders().stream().noneMatch(h -> e.request().headers().has(h));
        if (shape.output().isPresent() && anonymous) {
            String evidence = e.request().method() + " " + path + " without credentials -> " + e.status()
                    + " with model output " + shape.output().get().field() + ": '"
                    + cut(shape.output().get().value()) + "'"
                    + shape.model().map(m -> " (model " + m.value() + ")").orElse("");
            out.add(base(e, "unauthenticated").severity(Severity.MEDIUM).confidence(Confidence.FIRM)
                    .title("LLM endpoint " + path + " answers without authentication")
                    .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE)).build());
        }
        shape.systemPrompt().ifPresent(p -> out.add(base(e, "system-prompt")
                .severity(Severity.MEDIUM).confidence(Confidence.CONFIRMED)
                .title("LLM system prompt disclosed by " + path)
                .evidence(Snippets.oneLine(p.field() + ": '" + cut(p.value()) + "' (" + p.value().length()
                        + " characters)", Snippets.MAX_EVIDENCE))
                .remediation("Keep the system prompt on the server; a settings endpoint must not return it, and "
                        + "never place secrets (codes, keys) in a prompt.")
                .build()));
        if (shape.model().isPresent() || shape.usage().isPresent()) {
            List<String> parts = new ArrayList<>();
            shape.model().ifPresent(m -> parts.add(m.field() + ": " + m.value()));
            shape.usage().ifPresent(u -> parts.add(u.field() + ": " + u.value()));
            out.add(base(e, "metadata").severity(Severity.LOW).confidence(Confidence.FIRM)
                    .title("LLM model or token usage disclosed by " + path)
                    .evidence(Snippets.join(parts))
                    .remediation("Remove 'model' and 'usage' from client responses (log them server-side) so "
                            + "callers cannot target model-specific jailbreaks or estimate your costs.")
                    .build());
        }
        return out;
    }

    private static Finding.Builder base(Exchange e, String discriminator) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .endpoint(new Endpoint(e.request().method(), e.request().uri(), Endpoint.Source.DISCOVERED))
                .exchange(e).remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags()).discriminator(discriminator);
    }

    private static String cut(String text) {
        return Snippets.oneLine(text, SHOWN_CHARS);
    }

    private static String path(URI uri) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }
}
