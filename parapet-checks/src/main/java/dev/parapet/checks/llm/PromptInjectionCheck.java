package dev.parapet.checks.llm;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import dev.parapet.checks.llm.PromptInjectionProbes.Probe;
import dev.parapet.checks.llm.PromptInjectionProbes.Technique;
import dev.parapet.checks.llm.PromptInjectionTechniques.Report;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Finding;
import dev.parapet.model.ProbeTier;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.LlmEndpoints;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sends the tiered prompt-injection probes of {@link PromptInjectionProbes} ({@code --tier}: 4, 10 or 18) to each
 * LLM endpoint the engine recognises ({@link LlmEndpoints}), through {@link CheckContext#prompt}, which keeps them
 * text-only, sequential, spaced and time-capped. A probe counts only when its detector finds the artefact it asked
 * for in the reply ({@link ProbeJudge}): a fresh per-scan nonce joined as instructed (CONFIRMED), system-prompt
 * markers, personal data or tool schemas that the prompt itself does not contain (FIRM), or very long output (by
 * length and by reported tokens). A refusal, or its absence, is never evidence. One finding per technique and
 * endpoint. An endpoint whose first prompt is not answered with a readable reply (wrong method, credentials
 * needed) is left after that one prompt. Stateless and thread-safe.
 */
public final class PromptInjectionCheck implements Check {

    private static final Supplier<PromptInjectionProbes> PROBES = CheckData.once(() -> PromptInjectionProbes.load());
    private static final Supplier<PromptInjectionTechniques> TECHNIQUES = CheckData.once(() -> PromptInjectionTechniques.load());
    /**
     * Endpoints probed per scan: the deep tier on both (36 prompts, at least 17.5 s at the engine's spacing) stays
     * inside the engine's 30 s prompt window.
     */
    private static final int MAX_ENDPOINTS = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("llm-prompt-injection", Category.LLM_SECURITY,
            "LLM endpoint follows injected instructions",
            "Sends tiered, text-only prompt-injection probes (system-prompt extraction, instruction override, "
                    + "role-play, base64/ROT13-encoded and indirect instructions, PII extraction, tool listing, "
                    + "unbounded output) to detected LLM endpoints and reports each leaked artefact it reads back.",
            Severity.HIGH, List.of(77, 200, 400), MAX_ENDPOINTS * PROBES.get().forTier(ProbeTier.DEEP).size(),
            Set.of("llm", "ai", "prompt-injection"),
            "Keep secrets out of prompts, treat user and document text as data, constrain output and tools to the "
                    + "task, cap tokens per request and per caller, and check replies before returning them.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (ctx.mode() == ScanMode.PASSIVE) {
            return CheckOutcome.notApplicable("prompts are not sent in passive mode");
        }
        List<LlmEndpoints.Target> targets = LlmEndpoints.in(ctx.inventory()).stream()
                .sorted(Comparator.comparing(LlmEndpoints.Target::format)).limit(MAX_ENDPOINTS).toList();
        if (targets.isEmpty()) {
            return CheckOutcome.notApplicable("no LLM endpoint among " + ctx.inventory().endpoints().size()
                    + " known endpoints");
        }
        String nonce = nonce();
        List<Finding> findings = new ArrayList<>();
        Set<URI> answering = new HashSet<>();
        for (LlmEndpoints.Target target : targets) {
            if (!probe(ctx, target, nonce, findings, answering)) {
                break; // the engine refused: window or budget spent, nothing more will be sent
            }
        }
        if (answering.isEmpty()) {
            return CheckOutcome.notApplicable("none of " + targets.size() + " LLM endpoints answered a prompt");
        }
        return CheckOutcome.findings(findings);
    }

    /**
     * Runs the tier's probes against one endpoint, adding what they prove to {@code findings} and the endpoint to
     * {@code answering} once it answered with a readable reply. False when the engine stopped sending prompts.
     */
    private static boolean probe(CheckContext ctx, LlmEndpoints.Target target, String nonce, List<Finding> findings,
                                 Set<URI> answering) throws InterruptedException {
        Set<Technique> proven = EnumSet.noneOf(Technique.class);
        for (Probe p : PROBES.get().forTier(ctx.tier())) {
            if (proven.contains(p.technique())) {
                continue;
            }
            if (ctx.remainingBudget() <= 0) {
                return false;
            }
            Exchange e = ctx.prompt(target.uri(), p.prompt(nonce));
            if (e.outcome() == ExchangeOutcome.REFUSED || e.outcome() == ExchangeOutcome.BUDGET_EXHAUSTED
                    || e.outcome() == ExchangeOutcome.OUT_OF_SCOPE) {
                return false;
            }
            Optional<ModelReply> reply = ModelReply.of(e);
            if (reply.isEmpty() && !answering.contains(target.uri())) {
                return true; // not a model's answer (wrong method, credentials needed): leave after one prompt
            }
            answering.add(target.uri());
            Optional<ProbeJudge.Verdict> verdict = reply.flatMap(r -> ProbeJudge.judge(p, nonce, r));
            if (verdict.isPresent()) {
                proven.add(p.technique());
                findings.add(finding(target, p, e, verdict.get()));
            }
        }
        return true;
    }

    private static Finding finding(LlmEndpoints.Target target, Probe p, Exchange e, ProbeJudge.Verdict v) {
        Report r = TECHNIQUES.get().of(p.technique());
        String path = target.uri().getRawPath();
        String evidence = "probe " + p.id() + " asked '" + Snippets.oneLine(p.prompt("…"), 70) + "' -> "
                + v.evidence();
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(r.severity()).confidence(v.confidence())
                .title(r.title().formatted(path))
                .endpoint(new Endpoint("POST", target.uri(), Endpoint.Source.DISCOVERED))
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .exchange(e).remediation(r.remediation()).references(DESCRIPTOR.references())
                .tags(DESCRIPTOR.tags()).discriminator(p.technique().name().toLowerCase(java.util.Locale.ROOT))
                .build();
    }

    /** A fresh token per scan, so a reply can only contain it if the model did what the probe asked. */
    private static String nonce() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
