package dev.parapet.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Whether and where a scan is kept in the history. Shared by scan and demo. */
final class StoreOptions {

    @Mixin
    DbOption db = new DbOption();

    @Option(names = "--no-store", description = "Do not keep this scan in the history (see 'parapet history').")
    boolean noStore;
}
