package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.Logins;
import dev.parapet.model.Untested;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Operation;

import java.util.Locale;
import java.util.Set;

/**
 * Which operations the value-injection checks ({@link SqlValueInjectionCheck}, {@link NoSqlOperatorInjectionCheck})
 * send probe values to beyond reads: the login operation and POSTs whose path says they search, since neither
 * creates anything. Any other POST, PUT or PATCH would store every probe value (a quote, a condition, a delay) as a
 * new or changed object, dozens per input, and an API seldom says where to delete them; those inputs are reported
 * untested instead. Stateless.
 */
final class InjectionWriteScope {

    /** Path words of POST operations that read: search forms and query endpoints. */
    private static final Set<String> READING_WORDS = Set.of("search", "query", "find", "filter", "lookup", "graphql");

    private InjectionWriteScope() {
    }

    /**
     * Whether {@code p} may be probed; when not, the engine is told why ({@link CheckContext#untested}) and the
     * caller sends nothing.
     */
    static boolean admits(CheckContext ctx, InputPoint p) {
        Operation op = p.operation();
        if (op.readOnlyMethod() && !p.location().inBody()) {
            return true;
        }
        boolean login = Logins.operation(ctx).filter(op::equals).isPresent();
        if (op.method().equals("POST") && (login || reads(op.path()))) {
            return true;
        }
        ctx.untested(Untested.STATE_CHANGING, op.display() + " would store every probe value as an object Parapet"
                + " could not reliably remove; only reads, the login operation and search POSTs are probed");
        return false;
    }

    private static boolean reads(String path) {
        for (String word : path.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (READING_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
