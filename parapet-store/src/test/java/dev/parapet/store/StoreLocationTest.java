package dev.parapet.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreLocationTest {

    @Test
    void flagBeatsEnvironmentWhichBeatsTheEmbeddedDefault() {
        Properties sys = new Properties();
        sys.setProperty("user.home", "/home/u");
        Map<String, String> env = Map.of("PARAPET_DB_URL", "jdbc:postgresql://db:5432/env");
        assertThat(StoreLocation.resolve("jdbc:postgresql://db:5432/flag", env, sys).jdbcUrl()).endsWith("/flag");
        assertThat(StoreLocation.resolve(null, env, sys).jdbcUrl()).endsWith("/env");
        assertThat(StoreLocation.resolve(null, Map.of(), sys).kind()).isEqualTo(StoreLocation.Kind.H2);
        assertThat(StoreLocation.resolve(null, Map.of(), sys).display())
                .isEqualTo(Path.of("/home/u/.parapet/parapet.mv.db").toString());
    }

    @Test
    void homePropertyBeatsTheEnvironmentVariable() {
        Properties sys = new Properties();
        sys.setProperty("parapet.home", "/tmp/from-property");
        assertThat(StoreLocation.home(Map.of("PARAPET_HOME", "/tmp/from-env"), sys)).isEqualTo(Path.of("/tmp/from-property"));
        assertThat(StoreLocation.home(Map.of("PARAPET_HOME", "/tmp/from-env"), new Properties()))
                .isEqualTo(Path.of("/tmp/from-env"));
    }

    @Test
    void passwordsNeverAppearInTheDisplayedLocation() {
        StoreLocation a = StoreLocation.of("jdbc:postgresql://db:5432/p?user=u&password=s3cret&ssl=true", "--db");
        StoreLocation b = StoreLocation.of("jdbc:postgresql://u:s3cret@db:5432/p", "--db");
        assertThat(a.display()).doesNotContain("s3cret").contains("ssl=true");
        assertThat(b.display()).doesNotContain("s3cret").contains("db:5432");
        assertThat(a.toString()).doesNotContain("s3cret");
    }

    @Test
    void otherDatabasesAreRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> StoreLocation.of("jdbc:mysql://db/p?password=s3cret", "--db"))
                .isInstanceOf(StoreException.class).hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("s3cret");
    }
}
