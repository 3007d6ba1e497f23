package dev.parapet.checks.llm;

import dev.parapet.checks.support.CheckData;
import dev.parapet.model.ProbeTier;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tiered prompt-injection probes of {@code checks/llm-prompt-injection/probes.json}, ready for a check that can
 * send text-only requests to LLM endpoints. Each probe renders to a prompt with a per-scan nonce and judges a reply
 * by the leaked artefact its detector names. Immutable and thread-safe.
 */
public record PromptInjectionProbes(List<Probe> probes) {

    public enum Technique {
        SYSTEM_PROMPT_EXTRACTION, INSTRUCTION_OVERRIDE, ROLE_PLAY_JAILBREAK, ENCODED_INSTRUCTION,
        INDIRECT_INJECTION, PII_EXTRACTION, TOOL_LISTING, COST_EXPLOITATION
    }

    /** How the payload is hidden in the prompt, so an echo of the prompt never shows the artefact. */
    public enum Encoding {
        NONE, BASE64, ROT13;

        String apply(String text) {
            return switch (this) {
                case NONE -> text;
                case BASE64 -> Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
                case ROT13 -> rot13(text);
            };
        }
    }

    public enum DetectorKind { NONCE, REGEX, MIN_CHARS }

    /** What proves the probe worked; see the data file's header for each kind. */
    public record Detector(DetectorKind kind, String expect) {
        public Detector {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(expect, "expect");
            if (kind == DetectorKind.REGEX) {
                Pattern.compile(expect); // fail while loading, not while scanning
            }
            if (kind == DetectorKind.MIN_CHARS && !expect.matches("\\d{1,7}")) {
                throw new IllegalArgumentException("MIN_CHARS needs a character count: " + expect);
            }
        }

        /** Whether {@code reply} to {@code prompt} shows the artefact; a REGEX hit the prompt itself has is no proof. */
        public boolean matches(String prompt, String reply, String nonce) {
            return switch (kind) {
                case NONCE -> reply.contains(expected(nonce));
                case REGEX -> Pattern.compile(expect).matcher(reply).find()
                        && !Pattern.compile(expect).matcher(prompt).find();
                case MIN_CHARS -> reply.length() >= Integer.parseInt(expect);
            };
        }

        /** The artefact a NONCE detector looks for. */
        public String expected(String nonce) {
            return expect.replace(NONCE_SLOT, nonce);
        }
    }

    public record Probe(String id, ProbeTier tier, Technique technique, Encoding encoding, String prefix, String payload,
                        Detector detector) {
        public Probe {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(technique, "technique");
            Objects.requireNonNull(encoding, "encoding");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(detector, "detector");
        }

        /** The user message to send: the prefix, then the payload with the nonce filled in and encoded. */
        public String prompt(String nonce) {
            return prefix + encoding.apply(payload.replace(NONCE_SLOT, nonce));
        }

        public boolean succeeded(String nonce, String reply) {
            return detector.matches(prompt(nonce), reply, nonce);
        }
    }

    static final String NONCE_SLOT = "{{nonce}}";

    public PromptInjectionProbes {
        probes = List.copyOf(probes);
    }

    public static PromptInjectionProbes load() {
        return CheckData.load("llm-prompt-injection", "probes.json", PromptInjectionProbes.class);
    }

    /** The probes a scan at {@code tier} sends, in file order; each tier includes the probes of the tiers before it. */
    public List<Probe> forTier(ProbeTier tier) {
        return probes.stream().filter(p -> p.tier().ordinal() <= tier.ordinal()).toList();
    }

    static String rot13(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                b.append((char) ('a' + (c - 'a' + 13) % 26));
            } else if (c >= 'A' && c <= 'Z') {
                b.append((char) ('A' + (c - 'A' + 13) % 26));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
