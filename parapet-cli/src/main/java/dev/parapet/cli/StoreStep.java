package dev.parapet.cli;

import dev.parapet.model.ScanReport;
import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreException;

import java.io.PrintWriter;

/** Keeps a finished scan in the history. Never throws: a store problem must not cost the user the scan. */
final class StoreStep {

    private StoreStep() {
    }

    /** Saves {@code report}; prints {@code stored as scan <id>} or one warning line on {@code err}. */
    static void save(DbOption db, ScanReport report, PrintWriter err) {
        try {
            ScanStore store = db.open();
            String id = store.save(report);
            err.println("parapet: stored as scan " + id + " (see 'parapet results " + id + "')");
        } catch (StoreException e) {
            err.println("parapet: warning: the scan was not stored: " + e.getMessage()
                    + " (the report above is complete; --no-store skips storing)");
        } catch (RuntimeException e) {
            err.println("parapet: warning: the scan was not stored: " + e
                    + " (the report above is complete; --no-store skips storing)");
        }
    }
}
