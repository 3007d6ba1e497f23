package dev.parapet.server;

import dev.parapet.store.StoreLocation;

/** The queue on the embedded H2 database, where {@code FOR UPDATE SKIP LOCKED} is H2 2.x's. */
class H2ScanJobsTest extends ScanJobsContract {

    @Override
    StoreLocation freshLocation() {
        return StoreLocation.of("jdbc:h2:mem:jobs-" + Ids.next() + ";DB_CLOSE_DELAY=-1", "--db");
    }
}
