package dev.parapet.labs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the lab needs on the machine, found up front so a missing piece fails with the command that fixes it
 * rather than with a stack trace from deep inside a start-up.
 */
final class Prerequisites {

    private Prerequisites() {
    }

    /** The lab directory, resolved from this module's directory. */
    static Path labDir() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path lab = module.resolve("../labs/koa-cockroach").normalize();
        if (!Files.isRegularFile(lab.resolve("src/server.js"))) {
            throw new IllegalStateException("the koa-cockroach lab is not at " + lab);
        }
        if (!Files.isDirectory(lab.resolve("node_modules/koa")) || !Files.isDirectory(lab.resolve("node_modules/pg"))) {
            throw new IllegalStateException("the lab's dependencies are missing: run `npm ci` in " + lab
                    + " (Node.js 20 or later)");
        }
        return lab;
    }

    /** {@code node} from PATH. */
    static Path node() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(":")).filter(d -> !d.isBlank()).map(d -> Path.of(d, "node"))
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("`node` is not on PATH (" + path
                        + "): install Node.js 20 or later to run the lab"));
    }

    /** {@code /usr/bin/curl}, or null when absent (reproduction is then reported as not checked). */
    static Path curl() {
        Path curl = Path.of("/usr/bin/curl");
        return Files.isExecutable(curl) ? curl : null;
    }
}
