package dev.parapet.checks.inputvalidation;

import dev.parapet.model.Endpoint;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.ValueShape;

/** What the injection checks share about the inputs they test: which hold text, and how findings name them. */
final class InjectedInputs {

    private InjectedInputs() {
    }

    /**
     * Inputs whose value is text a server might paste into a command line or a template: anything the engine
     * judged free text, a host or a file name, outside an XML body, but never a boolean or a value that is a plain
     * number ({@code page=2}), which real code converts before use.
     */
    static boolean holdsText(InputPoint p) {
        return p.location() != InputLocation.XML && !p.is(ValueShape.BOOLEAN)
                && (p.is(ValueShape.FREE_TEXT) || p.is(ValueShape.HOST) || p.is(ValueShape.FILE))
                && !plainNumber(p.value());
    }

    static boolean plainNumber(String v) {
        return !v.isEmpty() && v.chars().allMatch(Character::isDigit);
    }

    /** {@code the 'host' parameter}, {@code the JSON field 'name'}: how titles name the input. */
    static String where(InputPoint p) {
        return p.location() == InputLocation.QUERY ? "the '" + p.name() + "' parameter" : "the " + p.describe();
    }

    static Endpoint endpoint(InputPoint p) {
        return new Endpoint(p.operation().method(), p.operation().uri(), p.operation().source());
    }
}
