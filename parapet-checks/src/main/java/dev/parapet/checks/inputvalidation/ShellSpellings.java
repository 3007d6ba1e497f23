package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.CheckData;

import java.util.List;
import java.util.Locale;

/**
 * What {@link CommandInjectionCheck} sends and recognises, loaded from {@code checks/command-injection/spellings.json}.
 * Immutable once loaded; safe to share between threads.
 *
 * @param spellings   how an appended command is written, the screen's first
 * @param screen      how many of {@code spellings} every input is sent
 * @param delay       the blind, time-based probe of active mode
 * @param shellErrors words of shell errors, lower case
 */
record ShellSpellings(List<Spelling> spellings, int screen, Delay delay, List<String> shellErrors) {

    ShellSpellings {
        spellings = List.copyOf(spellings);
        shellErrors = shellErrors.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (screen < 1 || screen > spellings.size()) {
            throw new IllegalArgumentException("screen must name between 1 and " + spellings.size() + " spellings");
        }
    }

    List<Spelling> screened() {
        return spellings.subList(0, screen);
    }

    List<Spelling> others() {
        return spellings.subList(screen, spellings.size());
    }

    /** Whether {@code body} shows a shell error (a plain look-up over its first 64 KiB: linear). */
    boolean shellError(String body) {
        String head = (body.length() > 65_536 ? body.substring(0, 65_536) : body).toLowerCase(Locale.ROOT);
        return shellErrors.stream().anyMatch(head::contains);
    }

    /** One way to append a command that prints the product: {@code value} with @V@, @A@ and @B@. */
    record Spelling(String id, String value, String shell) {
        String build(String original, ArithmeticNonce nonce) {
            return nonce.fill(value.replace("@V@", original));
        }
    }

    /** {@code value} with @V@ and @N@ (seconds); each bounded to 3 s so a probe never holds a worker long. */
    record Delay(String value, int screenSeconds, int confirmSeconds) {
        Delay {
            if (screenSeconds < 1 || confirmSeconds < 1 || screenSeconds > 3 || confirmSeconds > 3
                    || screenSeconds == confirmSeconds) {
                throw new IllegalArgumentException("delays must be two different whole seconds of at most 3");
            }
        }

        String build(String original, int seconds) {
            return value.replace("@V@", original).replace("@N@", Integer.toString(seconds));
        }
    }

    static ShellSpellings load() {
        return CheckData.load("command-injection", "spellings.json", ShellSpellings.class);
    }
}
