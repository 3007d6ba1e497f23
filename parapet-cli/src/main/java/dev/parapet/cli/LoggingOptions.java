package dev.parapet.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** {@code -v}: more log output on stderr. Logs never carry secrets: the engine logs no request content. */
final class LoggingOptions {

    @Option(names = {"-v", "--verbose"}, description = "Log progress details to stderr (repeat for debug).")
    boolean[] verbose = new boolean[0];

    void apply() {
        Level level = switch (verbose.length) {
            case 0 -> null;
            case 1 -> Level.INFO;
            default -> Level.DEBUG;
        };
        if (level != null) {
            ((Logger) LoggerFactory.getLogger("dev.parapet")).setLevel(level);
            // the spec parser's own messages (quiet by default, see logback.xml)
            ((Logger) LoggerFactory.getLogger("io.swagger")).setLevel(level);
        }
    }
}
