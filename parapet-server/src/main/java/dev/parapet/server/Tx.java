package dev.parapet.server;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a transaction again when the database aborts it as a serialization failure (SQLSTATE {@code 40001}):
 * CockroachDB runs every transaction serializable and asks its clients to retry; PostgreSQL and H2 report lock
 * conflicts with the same state. A transaction given here must therefore be safe to run again from the start.
 * Stateless.
 */
final class Tx {

    static final String SERIALIZATION_FAILURE = "40001";
    /** Attempts before the failure is reported; each waits a little longer (up to about 0.8 s in all). */
    static final int ATTEMPTS = 6;

    private Tx() {
    }

    static <T> T inTransaction(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !serializationFailure(e)) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    static void useTransaction(Jdbi jdbi, java.util.function.Consumer<Handle> work) {
        inTransaction(jdbi, h -> {
            work.accept(h);
            return null;
        });
    }

    /** Runs {@code work} (which opens its own transaction), retrying it on serialization failures. */
    static <T> T retrying(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !serializationFailure(e)) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    static boolean serializationFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && SERIALIZATION_FAILURE.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10L << attempt, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
