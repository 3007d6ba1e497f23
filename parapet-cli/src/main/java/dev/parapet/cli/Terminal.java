package dev.parapet.cli;

import java.io.Console;

/** What the process is attached to: decides colour and the progress bar. */
final class Terminal {

    private Terminal() {
    }

    /**
     * True when standard input and output are an interactive terminal. On JDK 22+ {@code System.console()} may exist
     * for redirected streams, so {@code Console.isTerminal()} is consulted when the runtime has it.
     */
    static boolean interactive() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Honours the NO_COLOR convention (https://no-color.org) and TERM=dumb. */
    static boolean colorAllowed() {
        String noColor = System.getenv("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
    }
}
