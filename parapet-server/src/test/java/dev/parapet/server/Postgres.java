package dev.parapet.server;

import dev.parapet.store.StoreLocation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded PostgreSQL on 127.0.0.1 for the whole test run (started on first use), a database per caller. */
final class Postgres {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Postgres() {
    }

    static synchronized StoreLocation freshDatabase() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the process is ending; the data directory is temporary
                }
            }));
        }
        String name = "parapet_" + DATABASES.incrementAndGet();
        Jdbi.create(postgres.getPostgresDatabase()).useHandle(h -> h.execute("CREATE DATABASE " + name));
        return StoreLocation.of(postgres.getJdbcUrl("postgres", name), "--db");
    }
}
