package dev.parapet.cli;

import java.io.Console;

/** What the process is attached to: decides colour, the progress bar and the width the summary wraps at. */
final class Terminal {

    /** Without a terminal or {@code COLUMNS}: the width of most terminals and CI logs. */
    static final int DEFAULT_WIDTH = 100;
    /** Narrower than this, the summary's columns do not fit; wider, lines get too long to read. */
    static final int MIN_WIDTH = 60;
    static final int MAX_WIDTH = 200;

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

    /**
     * The width to lay text out at: the terminal's own (asked through JLine, which reads it with {@code stty} on
     * Unix), else {@code COLUMNS}, else {@link #DEFAULT_WIDTH}; kept within {@link #MIN_WIDTH} and
     * {@link #MAX_WIDTH}. Only an interactive terminal is asked.
     */
    static int width() {
        int columns = interactive() ? terminalColumns() : 0;
        if (columns <= 0) {
            columns = columns(System.getenv("COLUMNS"));
        }
        return clamp(columns <= 0 ? DEFAULT_WIDTH : columns);
    }

    static int clamp(int columns) {
        return Math.max(MIN_WIDTH, Math.min(columns, MAX_WIDTH));
    }

    /** {@code COLUMNS} as a number, or 0 when unset or not a positive number. */
    static int columns(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int terminalColumns() {
        try (org.jline.terminal.Terminal t = org.jline.terminal.TerminalBuilder.builder().system(true)
                .provider("exec").dumb(true).build()) {
            return t.getWidth();
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            return 0;
        }
    }
}
