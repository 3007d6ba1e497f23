package dev.parapet.cli;

/** The process exit codes of every command, as documented in the README. */
enum ExitCode {
    /** The scan ran and passed the gate. */
    PASSED(0),
    /** The scan ran and failed the gate ({@code --threshold} or {@code --fail-on}). */
    GATE_FAILED(1),
    /** Bad usage or configuration: nothing was scanned. */
    USAGE(2),
    /** The scan could not be completed: target unreachable, stopped, or no check could run. */
    INCOMPLETE(3);

    final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
