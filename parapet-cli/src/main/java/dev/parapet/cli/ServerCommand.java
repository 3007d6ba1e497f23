package dev.parapet.cli;

import dev.parapet.server.ParapetServer;
import dev.parapet.server.ServerAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code parapet server}: the HTTP API with in-process workers, until the process is stopped (Ctrl-C or SIGTERM
 * stops the API and puts running scans back in the queue). {@code keys} and {@code allow-targets} administer the
 * database directly.
 */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the scan API (/api/v1, described at /api/v1/openapi.json) with in-process workers.",
                "With --db jdbc:postgresql://… any number of 'parapet worker' processes share the queue.",
                "Targets on loopback, private, link-local, CGNAT or metadata addresses are refused unless "
                        + "--allow-target (or a tenant's stored list) admits them."},
        subcommands = {ServerCommand.Keys.class, ServerCommand.AllowTargets.class})
final class ServerCommand implements Callable<Integer> {

    static final String FIRST_TENANT = "default";

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--workers", defaultValue = "2",
            description = "Scans this process runs at once (default ${DEFAULT-VALUE}; 0 for an API-only server).")
    int workers;

    @Option(names = "--allow-target", paramLabel = "PATTERN",
            description = "Also scan targets matching PATTERN for every tenant: a CIDR or octet glob "
                    + "(10.0.0.0/24, 10.0.0.*) or a host name (api.internal, *.staging.example.com). Repeatable.")
    List<String> allowTargets = new ArrayList<>();

    @Option(names = "--api-rate", defaultValue = "20", paramLabel = "PER_SECOND",
            description = "API calls each key may make per second, with bursts of three times as many "
                    + "(default ${DEFAULT-VALUE}).")
    double apiRate;

    @Mixin
    DbOption db = new DbOption();

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        logging.apply();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0 to 65535");
        }
        if (apiRate <= 0) {
            throw new IllegalArgumentException("--api-rate must be more than 0");
        }
        ParapetServer server = ParapetServer.start(new ParapetServer.Options(bind, port, db.location(), workers,
                allowTargets, apiRate, (int) Math.max(1, Math.ceil(apiRate * 3)), System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "parapet-server-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        ServerAdmin admin = ServerAdmin.open(db.location());
        if (admin.listKeys(null).isEmpty()) {
            // a fresh store has no key to call the API with, and the embedded one cannot be opened by a second
            // process while the server runs: hand out the first admin key here, once
            ServerAdmin.CreatedKey first = admin.createKey(FIRST_TENANT, "admin");
            out.println("first API key (tenant " + first.tenant() + ", admin; shown only this once): " + first.key());
        }
        out.println("parapet server listening on http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":"
                + server.port() + " (API at /api/v1, " + workers + " worker" + (workers == 1 ? "" : "s")
                + ", store " + db.location() + ")");
        out.println("create an API key with: parapet server keys create --tenant NAME");
        out.flush();
        stopped.await();
        return ExitCode.PASSED.code;
    }

    @Command(name = "keys", mixinStandardHelpOptions = true, description = "Create, list and revoke API keys.",
            subcommands = {KeysCreate.class, KeysList.class, KeysRevoke.class})
    static final class Keys implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "missing command: keys create, keys list or keys revoke");
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API key and print it once (only its hash is stored).")
    static final class KeysCreate implements Callable<Integer> {
        @Option(names = "--tenant", required = true, paramLabel = "NAME",
                description = "The tenant the key acts for (created when new).")
        String tenant;

        @Option(names = "--role", defaultValue = "member", paramLabel = "ROLE",
                description = "admin, member (starts and cancels scans) or viewer (reads); default ${DEFAULT-VALUE}.")
        String role;

        @Mixin
        DbOption db = new DbOption();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ServerAdmin.CreatedKey key = ServerAdmin.open(db.location()).createKey(tenant, role);
            PrintWriter out = spec.commandLine().getOut();
            out.println(key.key());
            spec.commandLine().getErr().println("key " + key.id() + " (" + key.prefix() + "…) for tenant "
                    + key.tenant() + ", role " + key.role() + ": it is shown only this once; send it as "
                    + "'Authorization: Bearer <key>'");
            out.flush();
            return ExitCode.PASSED.code;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List API keys (never their secrets).")
    static final class KeysList implements Callable<Integer> {
        @Option(names = "--tenant", paramLabel = "NAME", description = "Only this tenant's keys.")
        String tenant;

        @Mixin
        DbOption db = new DbOption();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s  %-12s  %-20s  %-7s  %-20s  %s%n", "ID", "PREFIX", "TENANT", "ROLE", "CREATED",
                    "STATE");
            for (ServerAdmin.KeyRow k : ServerAdmin.open(db.location()).listKeys(tenant)) {
                out.printf("%-24s  %-12s  %-20s  %-7s  %-20s  %s%n", k.id(), k.prefix(), k.tenant(), k.role(),
                        k.createdAt().toString().substring(0, 19) + "Z",
                        k.revokedAt() == null ? "active" : "revoked " + k.revokedAt());
            }
            out.flush();
            return ExitCode.PASSED.code;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API key at once.")
    static final class KeysRevoke implements Callable<Integer> {
        @Parameters(paramLabel = "ID_OR_PREFIX", description = "The key's id or prefix (from 'keys list').")
        String key;

        @Mixin
        DbOption db = new DbOption();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!ServerAdmin.open(db.location()).revokeKey(key)) {
                throw new IllegalArgumentException("no active key has the id or prefix '" + key
                        + "' (parapet server keys list shows them)");
            }
            spec.commandLine().getOut().println("revoked " + key);
            spec.commandLine().getOut().flush();
            return ExitCode.PASSED.code;
        }
    }

    @Command(name = "allow-targets", mixinStandardHelpOptions = true,
            description = "Store the targets a tenant's scans may reach beyond the public internet (replaces its "
                    + "list; none clears it).")
    static final class AllowTargets implements Callable<Integer> {
        @Option(names = "--tenant", required = true, paramLabel = "NAME", description = "The tenant.")
        String tenant;

        @Parameters(paramLabel = "PATTERN", arity = "0..*",
                description = "CIDRs, octet globs or host names, as for --allow-target.")
        List<String> patterns = new ArrayList<>();

        @Mixin
        DbOption db = new DbOption();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<String> stored = ServerAdmin.open(db.location()).allowTargets(tenant, patterns);
            spec.commandLine().getOut().println("tenant " + tenant + " may scan: "
                    + (stored.isEmpty() ? "public addresses only" : String.join(", ", stored)));
            spec.commandLine().getOut().flush();
            return ExitCode.PASSED.code;
        }
    }
}
