package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.CheckData;

import java.util.List;

/**
 * What {@link XPathInjectionCheck} appends and reads, from {@code checks/xpath-injection/probes.json}. Immutable once
 * loaded; safe to share between threads.
 */
record XPathProbes(String quote, List<Context> contexts, List<StackErrorTexts.StackError> errors) {

    /** A condition that holds and one that does not, appended to the original value. */
    record Pair(String truthy, String falsy) {
    }

    /** The pairs of one quoting: the first screens, the second repeats it. */
    record Context(String quoting, List<Pair> pairs) {
    }

    static XPathProbes load() {
        XPathProbes p = CheckData.load("xpath-injection", "probes.json", XPathProbes.class);
        if (p.contexts().stream().anyMatch(c -> c.pairs().size() != 2)) {
            throw new IllegalStateException("every XPath quoting needs a screening pair and a repeat");
        }
        return p;
    }
}
