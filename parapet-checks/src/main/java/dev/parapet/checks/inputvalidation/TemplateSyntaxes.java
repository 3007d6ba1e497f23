package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.CheckData;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link TemplateInjectionCheck} sends and recognises, loaded from {@code checks/template-injection/syntaxes.json}.
 * Immutable once loaded; safe to share between threads.
 *
 * @param syntaxes       the template syntaxes, the one sent alone last
 * @param fingerprints   follow-ups that tell apart the engines sharing a syntax, by syntax id
 * @param templateErrors words of template-engine errors, lower case
 */
record TemplateSyntaxes(List<Syntax> syntaxes, Map<String, Fingerprint> fingerprints, List<String> templateErrors) {

    TemplateSyntaxes {
        if (syntaxes.size() < 2) {
            throw new IllegalArgumentException("at least two syntaxes: the joined ones and the one sent alone");
        }
        syntaxes = List.copyOf(syntaxes);
        fingerprints = Map.copyOf(fingerprints);
        templateErrors = templateErrors.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /** The syntaxes the screen sends in one value. */
    List<Syntax> joined() {
        return syntaxes.subList(0, syntaxes.size() - 1);
    }

    /** The syntax the screen sends alone. */
    Syntax alone() {
        return syntaxes.getLast();
    }

    Optional<Fingerprint> fingerprintOf(Syntax s) {
        return Optional.ofNullable(fingerprints.get(s.id()));
    }

    /** Whether {@code body} shows a template error (a plain look-up over its first 64 KiB: linear). */
    boolean templateError(String body) {
        String head = (body.length() > 65_536 ? body.substring(0, 65_536) : body).toLowerCase(Locale.ROOT);
        return templateErrors.stream().anyMatch(head::contains);
    }

    /**
     * One syntax: {@code probe} and {@code expect} with @A@, @B@, @AB@; {@code engine} names the engines that
     * use it.
     */
    record Syntax(String id, String probe, String expect, String engine) {

        /**
         * Whether {@code body} shows this syntax evaluated with {@code nonce}: the expected result is in it and
         * was not in {@code sent} (the request's text), and the probe itself is not in it.
         */
        boolean evaluatedIn(String body, String sent, ArithmeticNonce nonce) {
            if (body.contains(nonce.fill(probe))) {
                return false;
            }
            if (expect.equals("@AB@")) {
                return nonce.productIn(body, sent);
            }
            String result = nonce.fill(expect);
            return body.contains(result) && !sent.contains(result);
        }
    }

    /**
     * A probe that repeats the string {@code 'A'} three times in languages that multiply strings by repetition
     * (Python, Ruby) and computes {@code 3*A} in those that coerce strings to numbers (PHP, JavaScript, EL).
     */
    record Fingerprint(String probe, String repeated, String multiplied) {

        /** The engine the answer to {@link #probe} names, or empty when it shows neither result. */
        Optional<String> engineIn(String body, ArithmeticNonce nonce) {
            String a = Integer.toString(nonce.a());
            if (body.contains(a.repeat(3))) {
                return Optional.of(repeated);
            }
            return body.contains(Long.toString(3L * nonce.a())) ? Optional.of(multiplied) : Optional.empty();
        }
    }

    static TemplateSyntaxes load() {
        return CheckData.load("template-injection", "syntaxes.json", TemplateSyntaxes.class);
    }
}
