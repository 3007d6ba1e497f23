package dev.parapet.spi;

import dev.parapet.model.Finding;

import java.util.List;
import java.util.Objects;

/** How a check's run ended. Exactly one of: findings (possibly none), not applicable, errored. */
public sealed interface CheckOutcome {

    record Findings(List<Finding> findings) implements CheckOutcome {
        public Findings {
            findings = List.copyOf(findings);
        }
    }

    record NotApplicable(String reason) implements CheckOutcome {
        public NotApplicable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Errored(String reason, Throwable cause) implements CheckOutcome {
        public Errored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static CheckOutcome findings(List<Finding> findings) {
        return new Findings(findings);
    }

    static CheckOutcome none() {
        return new Findings(List.of());
    }

    static CheckOutcome notApplicable(String reason) {
        return new NotApplicable(reason);
    }

    static CheckOutcome errored(String reason, Throwable cause) {
        return new Errored(reason, cause);
    }
}
