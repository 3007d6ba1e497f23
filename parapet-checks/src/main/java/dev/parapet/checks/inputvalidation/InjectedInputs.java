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
     * sending values through it would create an account: a POST (other than the login) whose body takes a
     * password, since an account cannot be deleted with the scan's own credentials and only the sign-up checks
     * log into what they create; and any POST body without {@code --allow-delete}, since what a POST creates is
     * only ever removed by a DELETE.
     */
    static Optional<WriteAwareProbe> prepare(CheckContext ctx, InputPoint p) throws InterruptedException {
        Operation op = p.operation();
        boolean creates = p.location().inBody() && op.method().equals("POST")
                && !Logins.operation(ctx).map(op::equals).orElse(false);
        if (creates && !ctx.mayDelete()) {
            ctx.untested(Untested.MODE, op.display() + " creates objects, which only --allow-delete lets the scan "
                    + "delete again");
            return Optional.empty();
        }
        if (creates && ctx.inventory().surface().inputsOf(op).stream().anyMatch(i -> i.is(ValueShape.PASSWORD))) {
            ctx.untested(Untested.NO_READ_BACK, op.display() + " takes a password, so each probe would create an "
                    + "account that the scan's credentials cannot delete");
            return Optional.empty();
        }
        return WriteAwareProbe.prepare(ctx, p);
    }

    /** Shapes whose values a directory or document query never takes as a text value. */
    private static final java.util.Set<ValueShape> NOT_QUERY_TEXT = java.util.EnumSet.of(ValueShape.URL,
            ValueShape.BOOLEAN, ValueShape.CALLBACK, ValueShape.REDIRECT, ValueShape.XML_DOCUMENT,
            ValueShape.DATE);

    /**
     * Inputs whose value a server might paste into a query language's text (an LDAP filter, an XPath expression): any
     * input outside an XML body that is not a URL, boolean, callback, redirect, date or whole document, nor only a
     * file name ({@code name} is both a file and free text), nor a plain number ({@code page=2}).
     */
    static boolean holdsQueryText(InputPoint p) {
        return p.location() != InputLocation.XML && !p.isAny(NOT_QUERY_TEXT) && !plainNumber(p.value())
                && !(p.is(ValueShape.FILE) && !p.is(ValueShape.FREE_TEXT));
    }

    /** A fresh value no record holds ({@code parapet3f9a1c07}): the "matches nothing" side of a differential. */
    static String neverMatching() {
        return "parapet" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 32,
                1L << 36));
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
