package dev.parapet.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How long redaction takes on the texts that matter for throughput and for hostile targets: a 1 MiB JSON body with
 * a secret field per record, a 1 MiB body of one letter, and single words of 20,000 and 200,000 characters. A
 * scripted benchmark (warm-up rounds, then timed rounds) on one thread; it sends nothing. Runs only when asked,
 * since timings on a shared machine are no test:
 * {@code PARAPET_BENCH=1 ./mvnw -B -pl parapet-core -am test -Dtest=RedactorBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the figures are in {@code parapet-core/target/surefire-reports/*RedactorBenchmark-output.txt} and
 * {@code bench/results/redactor.md}.
 */
@EnabledIfEnvironmentVariable(named = "PARAPET_BENCH", matches = "1")
class RedactorBenchmark {

    @Test
    void measuresMillisecondsPerRedaction() {
        measure(Redactor::text);
    }

    /** Prints the time per call of {@code redact} on each input; public to the package for other redactors. */
    static void measure(UnaryOperator<String> redact) {
        for (Map.Entry<String, String> input : inputs().entrySet()) {
            String text = input.getValue();
            int rounds = 10;
            for (int i = 0; i < 3; i++) {
                redact.apply(text);
            }
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                redact.apply(text);
            }
            double millis = (System.nanoTime() - start) / 1e6 / rounds;
            System.out.printf("%-40s %10.2f ms per redaction (%.1f MB/s)%n", input.getKey(), millis,
                    text.length() / 1e3 / millis);
        }
    }

    static Map<String, String> inputs() {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; json.length() < (1 << 20); i++) {
            json.append("{\"id\":").append(i).append(",\"name\":\"user-").append(i)
                    .append("\",\"email\":\"u").append(i).append("@example.com\",\"token\":\"t-").append(i)
                    .append("\"},");
        }
        json.setCharAt(json.length() - 1, ']');
        out.put("1 MiB JSON, a token per record", json.toString());
        out.put("1 MiB of one letter", "a".repeat(1 << 20));
        out.put("20,000-character word", "a".repeat(20_000));
        out.put("200,000-character word", "a".repeat(200_000));
        return out;
    }
}
