package dev.parapet.server;

import dev.parapet.store.StoreLocation;

/** The queue on a real PostgreSQL (CockroachDB speaks its protocol and runs the same SQL). */
class PostgresScanJobsTest extends ScanJobsContract {

    @Override
    StoreLocation freshLocation() {
        return Postgres.freshDatabase();
    }
}
