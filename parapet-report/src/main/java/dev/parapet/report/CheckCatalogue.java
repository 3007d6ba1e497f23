package dev.parapet.report;

import dev.parapet.spi.Check;
import dev.parapet.spi.CheckDescriptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The descriptors of the checks installed on the class path, for a caller that rendered SARIF without naming the
 * catalogue ({@link RenderOptions#catalogue()} empty). Loaded once; a check whose descriptor fails is left out, as
 * the scan would leave it out. Thread-safe.
 */
final class CheckCatalogue {

    private CheckCatalogue() {
    }

    private static final class Installed {
        static final List<CheckDescriptor> ALL = load();

        private static List<CheckDescriptor> load() {
            List<CheckDescriptor> found = new ArrayList<>();
            for (Check c : ServiceLoader.load(Check.class)) {
                found.add(c.descriptor());
            }
            found.sort(Comparator.comparing(CheckDescriptor::category).thenComparing(CheckDescriptor::id));
            return List.copyOf(found);
        }
    }

    /** {@code given} when it names any check, else the installed ones. */
    static List<CheckDescriptor> orInstalled(List<CheckDescriptor> given) {
        return given.isEmpty() ? Installed.ALL : given;
    }
}
