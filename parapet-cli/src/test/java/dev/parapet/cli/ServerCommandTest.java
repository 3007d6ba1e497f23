package dev.parapet.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ServerCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aKeyIsPrintedOnceListedByItsPrefixOnlyAndRevoked() {
        String db = "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Run created = run("server", "keys", "create", "--tenant", "acme", "--role", "viewer", "--db", db);
        assertThat(created.code()).as(created.err()).isZero();
        String key = created.out().strip();
        assertThat(key).matches("pk_[A-Za-z0-9_-]{43}");
        assertThat(created.err()).contains("shown only this once").doesNotContain(key);

        Run listed = run("server", "keys", "list", "--db", db);
        assertThat(listed.out()).contains(key.substring(0, 11)).contains("acme").contains("viewer")
                .contains("active").doesNotContain(key);

        assertThat(run("server", "keys", "revoke", key.substring(0, 11), "--db", db).code()).isZero();
        assertThat(run("server", "keys", "list", "--db", db).out()).contains("revoked");
        Run again = run("server", "keys", "revoke", key.substring(0, 11), "--db", db);
        assertThat(again.code()).isEqualTo(ExitCode.USAGE.code);
        assertThat(again.err()).contains("no active key");
    }

    @Test
    void anInvalidRoleOrPatternIsAUsageError() {
        String db = "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Run role = run("server", "keys", "create", "--tenant", "acme", "--role", "owner", "--db", db);
        assertThat(role.code()).isEqualTo(ExitCode.USAGE.code);
        assertThat(role.err()).contains("admin, member or viewer");
        Run pattern = run("server", "allow-targets", "--tenant", "acme", "not a pattern!", "--db", db);
        assertThat(pattern.code()).isEqualTo(ExitCode.USAGE.code);
        Run stored = run("server", "allow-targets", "--tenant", "acme", "10.0.0.0/24", "--db", db);
        assertThat(stored.out()).contains("10.0.0.0/24");
    }

    @Test
    void aWorkerRefusesTheEmbeddedStoreItCannotShare() {
        Run r = run("worker", "--db", "jdbc:h2:file:/tmp/parapet-never-" + UUID.randomUUID());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE.code);
        assertThat(r.err()).contains("jdbc:postgresql://");
    }
}
