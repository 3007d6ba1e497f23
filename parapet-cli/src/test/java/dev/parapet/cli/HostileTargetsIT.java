package dev.parapet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.testkit.fixtures.HostileTarget;
import dev.parapet.testkit.fixtures.HostileTargetFixtures;
import dev.parapet.testkit.fixtures.HostileTargetFixtures.Kind;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The shaded jar, each run in a JVM of its own with a 512 MiB heap, against every hostile target of
 * {@link Kind} and against a spec of 2,000 operations that each answer a gzip bomb. Every scan must end with the
 * documented exit code (3 when nothing could be graded, never 0 when nothing was tested), one line on stderr saying
 * why, a JSON report that reads back (also when the very first request fails), a wall clock within a generous bound
 * ({@value #WALL_BOUND_FACTOR} × {@code --max-time} + {@value #START_UP_SECONDS} s: the figures are recorded, not
 * asserted tightly) and no
 * {@code OutOfMemoryError}. The cases run {@value #PARALLEL} at a time.
 *
 * <p>The table of what was seen is written to {@code target/hostile-targets.md}; with
 * {@code -Dparapet.updateBench=true} also to {@code bench/results/hostile-targets.md}.
 */
class HostileTargetsIT {

    private static final int OPERATIONS = 2_000;
    private static final int MAX_TIME_SECONDS = 15;
    private static final int BOMBS_MAX_TIME_SECONDS = 30;
    private static final int WALL_BOUND_FACTOR = 3;
    /**
     * Added to the wall bound: a JVM's start-up and the embedded store's first open, which on a shared 2-core machine
     * under load take tens of seconds of wall for a second or two of CPU.
     */
    private static final int START_UP_SECONDS = 30;
    /**
     * The targets that do answer as an API (real JSON, if badly encoded, huge or deeply nested): a scan of them that
     * finishes within its budget may earn a grade, and then exits 0 or 1 by the gate; whether it finishes depends on
     * the machine. Every other target offers nothing to test, so exit 0 there is a pass without evidence.
     */
    private static final java.util.Set<String> GRADABLE = java.util.Set.of(Kind.INVALID_UTF8.id(), Kind.DEEP_JSON.id(),
            Kind.JSON_ARRAY_50MB.id());
    private static final int PARALLEL = 3;
    /** The heading of the hand-written part of the bench file, which a regeneration keeps. */
    private static final String NOTES = "## Where the wall goes";

    /** Kept when the test fails, so each case's report, stdout and stderr can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    /** What one scan did. */
    record Outcome(String id, String description, int maxTime, int exit, String verdict, double scan, double wall,
                   long peakRssMib, String stderrReason, List<String> problems) {
    }

    @Test
    void everyHostileTargetEndsWithTheDocumentedExitAReasonAReportAndNoOutOfMemory() throws Exception {
        List<Future<Outcome>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            futures.add(pool.submit(this::twoThousandBombs));
            for (Kind kind : Kind.values()) {
                futures.add(pool.submit(() -> {
                    try (HostileTarget target = kind.start()) {
                        return scan(kind.id(), kind.description(), target.uri().toString(), null, MAX_TIME_SECONDS);
                    }
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(10, TimeUnit.MINUTES));
            }
            String table = table(outcomes);
            System.out.println(table);
            Files.writeString(Path.of("target", "hostile-targets.md"), table);
            if (Boolean.getBoolean("parapet.updateBench")) {
                Path bench = Path.of("..", "bench", "results", "hostile-targets.md");
                // what follows the notes heading is written by hand and kept
                String old = Files.exists(bench) ? Files.readString(bench) : "";
                int notes = old.indexOf(NOTES);
                Files.writeString(bench, notes < 0 ? table : table + "\n" + old.substring(notes));
            }
            SoftAssertions soft = new SoftAssertions();
            for (Outcome o : outcomes) {
                soft.assertThat(o.problems()).as(o.id() + " (scan directory " + dir.resolve(o.id()) + ")").isEmpty();
            }
            soft.assertAll();
        } finally {
            pool.shutdownNow();
        }
    }

    /** 2,000 documented operations that all answer a gzip bomb: the memory case. */
    private Outcome twoThousandBombs() throws Exception {
        byte[] bomb = HostileTargetFixtures.zeros(32 << 20, true);
        try (LoopbackHttpServer target = LoopbackHttpServer.builder()
                .route("GET", "*", r -> new Response(200, List.of(Map.entry("Content-Type", "application/json"),
                        Map.entry("Content-Encoding", "gzip")), bomb))
                .start()) {
            Files.createDirectories(dir.resolve("2000-bomb-operations"));
            Path spec = dir.resolve("2000-bomb-operations").resolve("spec.json");
            Files.writeString(spec, spec(target.uri().toString()));
            return scan("2000-bomb-operations", "a spec of 2,000 operations, each answering a gzip bomb",
                    target.uri().toString(), spec, BOMBS_MAX_TIME_SECONDS);
        }
    }

    private Outcome scan(String id, String description, String url, Path spec, int maxTime) throws Exception {
        Path caseDir = dir.resolve(id);
        Files.createDirectories(caseDir);
        List<String> args = new ArrayList<>(List.of("scan", url, "--max-time", maxTime + "s", "--rate", "400",
                "--concurrency", "16", "--read-timeout", "5s", "--no-progress", "-o", "report.json"));
        if (spec != null) {
            args.addAll(List.of("--spec", spec.toString()));
        }
        long started = System.nanoTime();
        Process p = start(caseDir, args);
        int bound = WALL_BOUND_FACTOR * maxTime + START_UP_SECONDS;
        long peakKib = waitWatchingRss(p, bound + 30);
        double wall = (System.nanoTime() - started) / 1e9;
        String err = Files.readString(caseDir.resolve("err.txt"), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        int exit = p.isAlive() ? -1 : p.exitValue();
        if (exit == -1) {
            problems.add("did not finish within " + (bound + 30) + " s");
        }
        if (err.contains("OutOfMemoryError") || err.contains("Exception in thread")) {
            problems.add("stderr shows a crash: " + firstLines(err));
        }
        if (wall > bound) {
            problems.add(String.format(java.util.Locale.ROOT, "wall %.1f s over %d s", wall, bound));
        }
        String verdict = "—";
        double scanSeconds = Double.NaN;
        Path report = caseDir.resolve("report.json");
        if (!Files.exists(report)) {
            problems.add("no report written; stderr: " + firstLines(err));
        } else {
            try {
                JsonNode json = new ObjectMapper().readTree(report.toFile());
                JsonNode v = json.path("verdict");
                scanSeconds = json.path("durationMillis").asLong() / 1000.0;
                verdict = v.path("state").asText("?") + (v.has("reason") ? " (" + v.path("reason").asText() + ")" : "");
                if (!json.path("target").asText().equals(url)) {
                    problems.add("report names target " + json.path("target").asText());
                }
                boolean graded = v.path("state").asText().equals("graded");
                if (exit == 0 && !graded) {
                    problems.add("exit 0 for a scan that was not graded");
                }
                if (exit == 3 && graded) {
                    problems.add("exit 3 for a graded scan");
                }
                if (!graded && exit != 3) {
                    problems.add("not graded but exit " + exit);
                }
            } catch (IOException e) {
                problems.add("report does not read back: " + e.getMessage());
            }
        }
        if (exit == 0 && !GRADABLE.contains(id)) {
            problems.add("exit 0 (PASSED) against a target that offers nothing to test");
        }
        String reason = err.lines().filter(l -> l.startsWith("parapet: not graded:")
                || l.startsWith("parapet: cannot") || l.startsWith("parapet: scan of")).findFirst().orElse("");
        if (exit == 3 && reason.isEmpty()) {
            problems.add("exit 3 without a one-line reason on stderr: " + firstLines(err));
        }
        return new Outcome(id, description, maxTime, exit, verdict, scanSeconds, wall, peakKib / 1024, reason,
                problems);
    }

    private Process start(Path caseDir, List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", System.getProperty("parapet.jar")));
        cmd.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(caseDir.toFile())
                .redirectOutput(caseDir.resolve("out.txt").toFile())
                .redirectError(caseDir.resolve("err.txt").toFile());
        builder.environment().put("PARAPET_HOME", caseDir.resolve("parapet-home").toString());
        builder.environment().remove("PARAPET_DB_URL");
        return builder.start();
    }

    /**
     * Waits for {@code p} (killing it after {@code seconds}) and returns the child's peak resident set ({@code VmHWM},
     * a high-water mark, read every 100 ms until the process is gone), in KiB.
     */
    private static long waitWatchingRss(Process p, int seconds) throws Exception {
        long peak = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Path status = Path.of("/proc/" + p.pid() + "/status");
        while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > until) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return peak;
            }
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (IOException | NumberFormatException notLinuxOrGone) {
                // no /proc here, or the process just ended: the peak stays what was seen
            }
        }
        return peak;
    }

    private static String table(List<Outcome> outcomes) {
        StringBuilder md = new StringBuilder("""
                # Hostile targets under a 512 MiB heap

                `HostileTargetsIT` (parapet-cli) runs the shaded jar as `java -Xmx512m -jar parapet.jar scan URL \
                --max-time 15s --rate 400 --concurrency 16 --read-timeout 5s --no-progress -o report.json` against \
                each target of `dev.parapet.testkit.fixtures.HostileTargetFixtures` (and with `--spec` and \
                `--max-time 30s` against a spec of 2,000 operations that each answer a gzip bomb), %d scans at a \
                time on a 2-core machine. Wall is the child's life from start to exit (JVM start-up included); peak \
                RSS is the child's `VmHWM` from `/proc/<pid>/status`, read every 100 ms until it exits; scan s is the \
                report's `durationMillis` (the engine's run, without start-up, rendering or the store). Exit 3 is \
                *not graded*; the test fails on exit 0 for a scan that tested nothing (every case but `invalid-utf8`, \
                whose JSON answers can be assessed), a missing report, a wall over 3 × `--max-time` + 30 s or an \
                `OutOfMemoryError`.

                | case | what the target does | `--max-time` | exit | verdict | scan s | wall s | peak RSS MiB | stderr |
                |---|---|---:|---:|---|---:|---:|---:|---|
                """.formatted(PARALLEL));
        for (Outcome o : outcomes) {
            md.append(String.format(java.util.Locale.ROOT, "| `%s` | %s | %d s | %d | %s | %.1f | %.1f | %d | %s |%n",
                    o.id(), o.description(), o.maxTime(), o.exit(), o.verdict(), o.scan(), o.wall(), o.peakRssMib(),
                    o.stderrReason().replace("|", "\\|")));
        }
        md.append("""

                Command: `./mvnw -B -o -pl parapet-cli -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
                -Dit.test=HostileTargetsIT -Dfailsafe.failIfNoSpecifiedTests=false -Dparapet.updateBench=true` \
                (rewrites this file; without the last flag the table goes to `parapet-cli/target/hostile-targets.md`).
                """);
        return md.toString();
    }

    private static String firstLines(String text) {
        return text.lines().limit(5).reduce((a, b) -> a + " / " + b).orElse("(empty)");
    }

    private static String spec(String server) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.0.3");
        doc.putObject("info").put("title", "hostile").put("version", "1");
        doc.putArray("servers").addObject().put("url", server);
        ObjectNode paths = doc.putObject("paths");
        for (int i = 0; i < OPERATIONS; i++) {
            ObjectNode get = paths.putObject("/bomb/" + i).putObject("get");
            get.put("operationId", "bomb" + i);
            get.putObject("responses").putObject("200").put("description", "ok");
        }
        return mapper.writeValueAsString(doc);
    }
}
