package dev.parapet.report;

import dev.parapet.model.AuthSummary;
import dev.parapet.model.Category;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Grade;
import dev.parapet.model.Reference;
import dev.parapet.model.ScanContext;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON ids of every enum in the report, spelled out here (not derived from constant names) so a refactor of
 * the model cannot silently change the schema: a new constant fails to compile until it gets an id, which is then
 * documented in {@code docs/output.md}.
 */
final class JsonIds {

    private JsonIds() {
    }

    static String of(Severity s) {
        return switch (s) {
            case INFO -> "info";
            case LOW -> "low";
            case MEDIUM -> "medium";
            case HIGH -> "high";
            case CRITICAL -> "critical";
        };
    }

    static String of(Confidence c) {
        return switch (c) {
            case TENTATIVE -> "tentative";
            case FIRM -> "firm";
            case CONFIRMED -> "confirmed";
        };
    }

    static String of(AuthSummary.State s) {
        return switch (s) {
            case NONE -> "none";
            case ACCEPTED -> "accepted";
            case REJECTED -> "rejected";
            case UNVERIFIED -> "unverified";
        };
    }

    static String of(Category c) {
        return c.id();
    }

    static String of(Grade g) {
        return switch (g) {
            case A -> "A";
            case B -> "B";
            case C -> "C";
            case D -> "D";
            case F -> "F";
        };
    }

    static String of(ScanMode m) {
        return switch (m) {
            case PASSIVE -> "passive";
            case SAFE -> "safe";
            case ACTIVE -> "active";
        };
    }

    static String of(ScanContext c) {
        return switch (c) {
            case DEFAULT -> "default";
            case FINANCIAL -> "financial";
            case MEDICAL -> "medical";
            case PUBLIC -> "public";
            case INTERNAL -> "internal";
        };
    }

    static String of(CheckStatus s) {
        return switch (s) {
            case COMPLETED -> "completed";
            case PARTIAL -> "partial";
            case NOT_APPLICABLE -> "not-applicable";
            case ERRORED -> "errored";
            case INTERRUPTED -> "interrupted";
            case SKIPPED -> "skipped";
        };
    }

    static String of(ExchangeOutcome o) {
        return switch (o) {
            case ANSWERED -> "answered";
            case TRANSPORT_ERROR -> "transport-error";
            case TIMEOUT -> "timeout";
            case OUT_OF_SCOPE -> "out-of-scope";
            case BUDGET_EXHAUSTED -> "budget-exhausted";
            case CANCELLED -> "cancelled";
            case REFUSED -> "refused";
        };
    }

    static String of(Endpoint.Source s) {
        return switch (s) {
            case TARGET -> "target";
            case DISCOVERED -> "discovered";
            case SPEC -> "spec";
            case API_DOCUMENT -> "api-document";
            case FORM -> "form";
            case SCRIPT -> "script";
            case WORDLIST -> "wordlist";
            case MINED -> "mined";
        };
    }

    static String of(dev.parapet.model.Untested u) {
        return switch (u) {
            case BUDGET -> "budget";
            case TIME -> "time";
            case MODE -> "mode";
            case STATE_CHANGING -> "state-changing";
            case UNANSWERED -> "unanswered";
            case ERRORED -> "errored";
            case NO_CHECK -> "no-check";
        };
    }

    static dev.parapet.model.Untested untested(String id) {
        return parse(dev.parapet.model.Untested.class, JsonIds::of, id, "coverage.details[].untested");
    }

    static String of(Reference.Kind k) {
        return switch (k) {
            case OWASP_API -> "owasp-api";
            case CWE -> "cwe";
            case OTHER -> "other";
        };
    }

    /**
     * The constant of {@code type} whose id is {@code id}.
     *
     * @throws IllegalArgumentException naming {@code path} and the valid ids when none matches
     */
    static <E extends Enum<E>> E parse(Class<E> type, Function<E, String> idOf, String id, String path) {
        for (E e : type.getEnumConstants()) {
            if (idOf.apply(e).equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException(path + ": unknown value '" + id + "' (valid: "
                + Arrays.stream(type.getEnumConstants()).map(idOf).collect(Collectors.joining(", ")) + ")");
    }
}
