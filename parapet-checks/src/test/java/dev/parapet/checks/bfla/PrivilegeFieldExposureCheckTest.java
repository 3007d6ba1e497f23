package dev.parapet.checks.bfla;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.bola.TwoIdentities;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.AccessControlFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrivilegeFieldExposureCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new PrivilegeFieldExposureCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return AccessControlFixtures.shop(true);
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return AccessControlFixtures.shop(false);
    }

    @Override
    protected ScanConfig configFor(URI target) {
        return CheckHarness.config(target).withIdentities(TwoIdentities.aliceOnly());
    }

    @Test
    void flagsTheTeamListNamingItsAdminButNotTheCallersOwnRole() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            List<Finding> findings = scan(server).findings();
            assertThat(findings).noneMatch(f -> f.endpoint().uri().getPath().equals("/api/me"));
            // the admin list the caller can read (found under /api/ by discovery) lists roles too; the team list is
            // the one a customer is meant to read
            assertThat(findings).filteredOn(f -> !f.endpoint().uri().getPath().startsWith("/api/admin/"))
                    .singleElement().satisfies(f -> {
                assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/team");
                assertThat(f.title()).isEqualTo("Response of GET /api/team lists the role of 3 accounts");
                assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(f.evidence()).contains("privileged: [role=admin]");
            });
        }
    }

    @Test
    void namesPrivilegeFieldsWhateverTheirSpelling() {
        PrivilegeFields fields = PrivilegeFields.load();
        assertThat(fields.privilegeField("is_admin")).isTrue();
        assertThat(fields.privilegeField("Permissions")).isTrue();
        assertThat(fields.privilegeField("roleDescription")).isFalse();
        assertThat(fields.privilegedValue().matcher("admin").matches()).isTrue();
        assertThat(fields.privilegedValue().matcher("customer").matches()).isFalse();
    }
}
