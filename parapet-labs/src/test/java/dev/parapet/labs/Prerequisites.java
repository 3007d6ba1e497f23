package dev.parapet.labs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the labs need on the machine, found up front so a missing piece fails with the command that fixes it
 * rather than with a stack trace from deep inside a start-up.
 */
final class Prerequisites {

    /** What the flask-sqlite lab imports besides the standard library (Debian: python3-flask, python3-yaml). */
    static final String FLASK_IMPORTS = "import flask, yaml";
    static final String FLASK_INSTALL = "apt-get install -y python3-flask python3-yaml";

    private Prerequisites() {
    }

    /** Long enough for {@code npm ci} of the lab's few locked packages on a slow mirror. */
    private static final long NPM_CI_MINUTES = 5;

    /**
     * The koa-cockroach lab directory, with its npm dependencies installed: when {@code node_modules} is missing (a
     * fresh clone) or older than {@code package-lock.json} (the lock changed since), {@code npm ci} installs the
     * locked versions first, so {@code ./mvnw verify} needs no set-up of its own. A Node.js older than 20 or none at
     * all fails in one line naming what to install.
     */
    static synchronized Path labDir() {
        Path lab = lab("koa-cockroach", "src/server.js");
        if (!installed(lab) || stale(lab)) {
            requireNode20();
            npmCi(lab);
        }
        if (!installed(lab)) {
            throw new IllegalStateException("the lab's dependencies are missing: run `npm ci` in " + lab
                    + " (Node.js 20 or later)");
        }
        return lab;
    }

    private static boolean installed(Path lab) {
        return Files.isDirectory(lab.resolve("node_modules/koa")) && Files.isDirectory(lab.resolve("node_modules/pg"));
    }

    /**
     * True when the lock file is newer than what npm last installed: npm writes {@code node_modules/.package-lock.json}
     * on every install, so its modification time is that of the install.
     */
    static boolean stale(Path lab) {
        Path lock = lab.resolve("package-lock.json");
        Path installedLock = lab.resolve("node_modules/.package-lock.json");
        try {
            return !Files.exists(installedLock)
                    || Files.getLastModifiedTime(lock).compareTo(Files.getLastModifiedTime(installedLock)) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** Node.js 20 or later on PATH, or one line naming the package to install. */
    private static void requireNode20() {
        Path node = node();
        String version;
        try {
            version = runAndRead(node.toString(), "--version").strip();
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("`" + node + " --version` failed: install Node.js 20 or later", e);
        }
        int major = nodeMajor(version);
        if (major < 20) {
            throw new IllegalStateException("the koa-cockroach lab needs Node.js 20 or later, " + node + " is "
                    + version + ": install Node.js 20+ (Debian 13: apt-get install nodejs npm; else nodejs.org)");
        }
    }

    /** The major version of {@code node --version}'s answer ({@code v20.11.1} is 20), 0 when unreadable. */
    static int nodeMajor(String version) {
        String digits = version.startsWith("v") ? version.substring(1) : version;
        int dot = digits.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? digits : digits.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String runAndRead(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not answer within 20 s");
        }
        return out;
    }

    /** {@code npm ci --no-audit --no-fund} in {@code lab}, bounded in time; its output goes to the test log. */
    private static void npmCi(Path lab) {
        Path npm = onPath("npm").stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "the lab's dependencies are missing and `npm` is not on PATH: install Node.js 20 or later"));
        try {
            Process p = new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund").directory(lab.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            if (!p.waitFor(NPM_CI_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("`npm ci` in " + lab + " took longer than " + NPM_CI_MINUTES
                        + " minutes: run it by hand");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("`npm ci` in " + lab + " failed (exit " + p.exitValue()
                        + "): run it by hand to see why");
            }
        } catch (IOException e) {
            throw new IllegalStateException("`npm ci` could not start in " + lab + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while `npm ci` ran in " + lab, e);
        }
    }

    /** The flask-sqlite lab directory (its dependencies come with the Python that {@link #python()} finds). */
    static Path flaskLabDir() {
        return lab("flask-sqlite", "app.py");
    }

    /** {@code labs/<name>}, resolved from this module's directory, holding {@code marker}. */
    private static Path lab(String name, String marker) {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path lab = module.resolve("../labs/" + name).normalize();
        if (!Files.isRegularFile(lab.resolve(marker))) {
            throw new IllegalStateException("the " + name + " lab is not at " + lab);
        }
        return lab;
    }

    /** {@code node} from PATH. */
    static Path node() {
        return onPath("node").stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("`node` is not on PATH (" + path()
                        + "): install Node.js 20 or later to run the lab (Debian 13: apt-get install nodejs npm)"));
    }

    /**
     * A Python 3 that can import Flask and PyYAML: Debian's {@code /usr/bin/python3} first (what CI installs the
     * packages into), then each {@code python3} on PATH.
     *
     * @throws IllegalStateException in one line naming the command that installs them
     */
    static Path python() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/bin/python3"));
        candidates.addAll(onPath("python3"));
        for (Path p : candidates) {
            if (Files.isExecutable(p) && imports(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no python3 can `" + FLASK_IMPORTS + "` (tried " + candidates
                + "): run `" + FLASK_INSTALL + "`");
    }

    private static boolean imports(Path python) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", FLASK_IMPORTS).redirectErrorStream(true).start();
            p.getOutputStream().close();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code python -c script args...} and returns its standard output; fails with its output otherwise. */
    static String runPython(Path python, String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-c", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(python + " -c ... failed: " + out);
        }
        return out;
    }

    private static String path() {
        return System.getenv().getOrDefault("PATH", "");
    }

    private static List<Path> onPath(String name) {
        return Arrays.stream(path().split(":")).filter(d -> !d.isBlank()).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).toList();
    }

    /** {@code /usr/bin/curl}, or null when absent (reproduction is then reported as not checked). */
    static Path curl() {
        Path curl = Path.of("/usr/bin/curl");
        return Files.isExecutable(curl) ? curl : null;
    }
}
