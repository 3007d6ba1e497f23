package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.Logins;
import dev.parapet.checks.support.WriteAwareProbe;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Untested;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Operation;
import dev.parapet.spi.ValueShape;

import java.util.Optional;

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

    /**
     * The probe for {@code p} ({@link WriteAwareProbe#prepare}), or empty, with the reason told to the engine, when
     * sending values through it would create an account: a POST whose body takes a password (other than the
     * login), since an account cannot be deleted with the scan's own credentials and only the sign-up checks
     * log into what they create.
     */
    static Optional<WriteAwareProbe> prepare(CheckContext ctx, InputPoint p) throws InterruptedException {
        Operation op = p.operation();
        if (p.location().inBody() && op.method().equals("POST")
                && ctx.inventory().surface().inputsOf(op).stream().anyMatch(i -> i.is(ValueShape.PASSWORD))
                && !Logins.operation(ctx).map(op::equals).orElse(false)) {
            ctx.untested(Untested.NO_READ_BACK, op.display() + " takes a password, so each probe would create an "
                    + "account that the scan's credentials cannot delete");
            return Optional.empty();
        }
        return WriteAwareProbe.prepare(ctx, p);
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
