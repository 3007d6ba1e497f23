package dev.parapet.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {

    @Test
    void latestVersionIsTheHighestMigrationFile() throws Exception {
        Path dir = Path.of(Migrations.class.getResource("/db/parapet/migration").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            int highest = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.+\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow();
            assertThat(Migrations.LATEST).isEqualTo(highest);
        }
    }

    @Test
    void migrationsUseOnlyTypesEveryDatabaseHas() throws Exception {
        Path dir = Path.of(Migrations.class.getResource("/db/parapet/migration").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String sql = Files.readString(f).replaceAll("--[^\n]*", "").toUpperCase(java.util.Locale.ROOT);
                assertThat(sql).as(f.getFileName().toString())
                        .doesNotContain("SERIAL").doesNotContain("SEQUENCE").doesNotContain("TRIGGER")
                        .doesNotContain("PROCEDURE").doesNotContain("ADVISORY").doesNotContain("AUTO_INCREMENT")
                        .doesNotContain("IDENTITY");
            }
        }
    }
}
