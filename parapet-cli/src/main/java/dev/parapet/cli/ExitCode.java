package dev.parapet.cli;

/** The process exit codes of every command, as documented in the README. */
enum ExitCode {
    /** The scan ran and passed the gate. */
    PASSED(0),
    /** The scan ran and failed the gate ({@code --threshold} or {@code --fail-on}). */
    GATE_FAILED(1),
    /** Bad usage or configuration: nothing was scanned. */
    USAGE(2),
    /**
     * The scan could not be completed or was not graded: target unreachable or dead mid-scan, stopped, time budget
     * spent, answers all throttled or gateway errors, nothing API-like found, or no check could run.
     */
    INCOMPLETE(3);

    final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
