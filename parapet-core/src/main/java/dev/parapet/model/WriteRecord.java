package dev.parapet.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One change a scan made on the target, and what became of it: the report's {@code writes} (active mode only).
 *
 * @param checkId  the check that made it
 * @param kind     an object created, or a field of an existing object changed
 * @param via      the request that made it: {@code POST /api/users}
 * @param object   the URL of the object created or changed
 * @param field    the changed field's JSON pointer ({@code /email}); empty for a created object
 * @param oldValue the changed field's JSON value before the change, so a change left behind can be undone by hand;
 *                 empty for a created object
 * @param outcome  whether it was undone
 * @param detail   how it was undone, or why it was left behind:
 *                 {@code DELETE /api/users/7 -> 204, then GET -> 404}, {@code --allow-delete was not given}
 */
public record WriteRecord(String checkId, Kind kind, String via, String object, String field, String oldValue,
                          Outcome outcome, String detail) {

    public enum Kind {
        CREATED, CHANGED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Outcome {
        /** Undone, and a read afterwards showed it: the object is gone, the old value is back. */
        UNDONE("undone"),
        /** The target did not keep the change (a read showed the old value), so there was nothing to undo. */
        NOTHING_TO_UNDO("nothing to undo"),
        /** The undo request was accepted, but no read could show that it took. */
        UNCONFIRMED("undo not confirmed"),
        /** Still on the target; {@link WriteRecord#detail} says why. */
        LEFT_BEHIND("left behind"),
        /** Not undone yet: only while the scan runs, never in a finished report. */
        PENDING("pending");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** {@code undone}, {@code left-behind}: the JSON id. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether the target holds no trace of the write any more (as far as a read could tell). */
        public boolean clean() {
            return this == UNDONE || this == NOTHING_TO_UNDO;
        }
    }

    public WriteRecord {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(kind, "kind");
        via = via == null ? "" : via;
        Objects.requireNonNull(object, "object");
        field = field == null ? "" : field;
        oldValue = oldValue == null ? "" : oldValue;
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    /** The same write with another outcome. */
    public WriteRecord with(Outcome newOutcome, String newDetail) {
        return new WriteRecord(checkId, kind, via, object, field, oldValue, newOutcome, newDetail);
    }

    /** {@code created /api/users/7}, {@code changed /email of /api/users/2}: how text reports name it. */
    public String display() {
        return kind == Kind.CREATED ? "created " + object : "changed " + field + " of " + object;
    }
}
