package dev.parapet.spi;

import java.util.Objects;

/**
 * The undo ledger's receipt for one recorded {@link Write}: hand it to {@link CheckContext#undo} to undo that write
 * now. Immutable.
 *
 * @param id    the ledger's number for it, unique within a scan (0 for a context that keeps no ledger)
 * @param write what was recorded
 */
public record WriteTicket(long id, Write write) {
    public WriteTicket {
        Objects.requireNonNull(write, "write");
    }
}
