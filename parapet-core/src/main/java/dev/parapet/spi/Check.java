package dev.parapet.spi;

/**
 * One security check. Implementations are small, stateless and thread-safe: the engine may run every check of a
 * scan at once, each on its own virtual thread. A check never performs I/O itself; it reads
 * {@link CheckContext#inventory()} and sends requests only through {@link CheckContext#probe(ProbeRequest)}.
 *
 * <p>Checks are found with {@link java.util.ServiceLoader}; list the class in
 * {@code META-INF/services/dev.parapet.spi.Check}.
 */
public interface Check {

    CheckDescriptor descriptor();

    /**
     * Runs the check. Returns findings (possibly none), not-applicable with a reason, or errored; a failure inside
     * the check is never a finding. May throw {@link InterruptedException} when the scan is stopped.
     */
    CheckOutcome run(CheckContext ctx) throws InterruptedException;

    /**
     * Whether the check judges every answer discovery and the spec stage recorded ({@link Inventory#exchanges()}),
     * as the passive content checks do: the report's coverage then credits it with every operation that has a
     * recorded answer. Say true only when {@link #run} really reads them all.
     */
    default boolean readsRecordedAnswers() {
        return false;
    }
}
