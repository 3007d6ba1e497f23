package dev.parapet.model;

/** What became of a probe. Only {@link #ANSWERED} carries a response. */
public enum ExchangeOutcome {
    /** The target answered (any status code). */
    ANSWERED,
    /** Connection refused, reset, DNS failure, TLS failure or an unreadable response. */
    TRANSPORT_ERROR,
    /** No answer within the read timeout. */
    TIMEOUT,
    /** Not sent: the URL lies outside the scan's scope. */
    OUT_OF_SCOPE,
    /** Not sent: the check used up its request budget. */
    BUDGET_EXHAUSTED,
    /** Not sent: the scan is stopping (time budget, host-error budget or user interrupt). */
    CANCELLED,
    /**
     * Not sent: a safety rule for this kind of probe forbids it (for prompts: passive mode, a URL the engine does
     * not recognise as an LLM endpoint, or the scan's prompt window used up). {@code error} names the rule.
     */
    REFUSED
}
