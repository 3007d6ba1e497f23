package dev.parapet.engine;

import dev.parapet.config.ConfigException;
import dev.parapet.config.CredentialOptions;
import dev.parapet.model.Headers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs a user's {@code --auth-command} and turns its standard output into a credential field: a bare token becomes
 * {@code Authorization: Bearer <token>}, a {@code Name: value} line is used as given (allow-listed names only).
 * The command runs through the platform shell with the scan's environment and no input; its standard error is
 * discarded (it may echo secrets). Nothing Parapet knows of a token is ever put on the child's command line.
 */
final class AuthCommand {

    /** Longest a command may take; a token helper that needs more is stuck (waiting for input, a browser…). */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Largest output read; a token is never this long, a runaway command's output is. */
    private static final int MAX_OUTPUT = 64 * 1024;

    private final String command;
    private final String flag;
    private final Duration timeout;

    AuthCommand(String command, String flag) {
        this(command, flag, TIMEOUT);
    }

    AuthCommand(String command, String flag, Duration timeout) {
        this.command = command;
        this.flag = flag;
        this.timeout = timeout;
    }

    /** Runs the command once. Throws {@link ConfigException} (with no secret in it) when it gives no credential. */
    Headers.Field run() throws InterruptedException {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> argv = windows ? List.of("cmd.exe", "/c", command) : List.of("/bin/sh", "-c", command);
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(nullFile(windows)))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new ConfigException(flag + " could not be started: " + e.getMessage());
        }
        java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
        try (InputStream out = process.getInputStream()) {
            byte[] bytes = readCapped(out, process, timedOut);
            if (timedOut.get() || !process.waitFor(1, TimeUnit.SECONDS)) {
                throw new ConfigException(flag + " did not finish within " + timeout.toSeconds()
                        + " s; run it yourself to see what it waits for");
            }
            if (process.exitValue() != 0) {
                throw new ConfigException(flag + " exited with status " + process.exitValue()
                        + "; run it yourself to see why");
            }
            return parse(new String(bytes, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new ConfigException(flag + " output could not be read: " + e.getMessage());
        } finally {
            kill(process);
        }
    }

    /** Kills the shell and whatever it started: a child holding the output open would keep the read waiting. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private byte[] readCapped(InputStream out, Process process, java.util.concurrent.atomic.AtomicBoolean timedOut)
            throws IOException, InterruptedException {
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut.set(true);
                    kill(process);
                }
            } catch (InterruptedException readFinished) {
                // the output was read: the exit status decides
            }
        });
        try {
            return out.readNBytes(MAX_OUTPUT);
        } finally {
            watchdog.interrupt();
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped while waiting for " + flag);
            }
        }
    }

    Headers.Field parse(String output) {
        if (output.isEmpty()) {
            throw new ConfigException(flag + " printed nothing: it must print a token or one 'Name: value' line");
        }
        if (output.contains("\n")) {
            throw new ConfigException(flag + " printed several lines: it must print a token or one 'Name: value' line");
        }
        if (output.matches("[A-Za-z0-9-]+:\\s*\\S.*")) {
            return CredentialOptions.headerLine(output, "the output of " + flag);
        }
        String token = output.regionMatches(true, 0, "bearer ", 0, 7) ? output.substring(7).strip() : output;
        if (token.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException(flag + " printed text with spaces: it must print a token or one 'Name: value' line");
        }
        return new Headers.Field("Authorization", "Bearer " + token);
    }

    private static java.io.File nullFile(boolean windows) {
        return new java.io.File(windows ? "NUL" : "/dev/null");
    }
}
