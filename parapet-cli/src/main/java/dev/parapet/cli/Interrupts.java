package dev.parapet.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C handling for a running scan: the first SIGINT asks the scan to stop, so the partial report is still
 * printed and written (marked incomplete); a second one exits at once. A shutdown hook could not choose the exit
 * code or wait for the report safely, hence the signal handler.
 */
final class Interrupts {

    private static SignalHandler previous;

    private Interrupts() {
    }

    static synchronized void onCtrlC(Runnable stop) {
        try {
            Signal sigint = new Signal("INT");
            boolean[] seen = {false};
            previous = Signal.handle(sigint, sig -> {
                if (seen[0]) {
                    System.exit(ExitCode.INCOMPLETE.code);
                }
                seen[0] = true;
                System.err.println();
                System.err.println("parapet: stopping, writing what was found so far (Ctrl-C again to quit at once)");
                stop.run();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT on this platform or it is reserved by the JVM: Ctrl-C then ends the process directly.
        }
    }

    static synchronized void reset() {
        if (previous != null) {
            try {
                Signal.handle(new Signal("INT"), previous);
            } catch (IllegalArgumentException ignored) {
                // nothing to restore
            }
            previous = null;
        }
    }
}
