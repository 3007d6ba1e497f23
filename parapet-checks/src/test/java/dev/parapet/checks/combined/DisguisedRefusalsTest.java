package dev.parapet.checks.combined;

import dev.parapet.checks.authentication.AuthBypassVariantsCheck;
import dev.parapet.checks.authentication.DataWithoutCredentialsCheck;
import dev.parapet.checks.authentication.SpecSecurityNotEnforcedCheck;
import dev.parapet.checks.authentication.WwwAuthenticateCheck;
import dev.parapet.checks.bfla.AdminRouteExposureCheck;
import dev.parapet.checks.bola.CrossIdentityObjectAccessCheck;
import dev.parapet.checks.bola.ObjectIdEnumerationCheck;
import dev.parapet.checks.bola.SpecUnprotectedObjectIdCheck;
import dev.parapet.config.Credentials;
import dev.parapet.config.Identities;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.ScanReport;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.RefusalFixtures;
import dev.parapet.testkit.fixtures.RefusalFixtures.Style;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals that do not say 401: the clinic of {@link RefusalFixtures} refuses with {@code 200 {"error":…}}, with a
 * login page or a redirect to one, or with an empty envelope. No access-control check may read any of them as
 * access granted, anonymously or with two identities; and the one real hole, an export served to anyone, is found
 * next to each kind of refusal.
 */
class DisguisedRefusalsTest {

    private static final List<Supplier<Check>> ACCESS_CHECKS = List.of(DataWithoutCredentialsCheck::new,
            AuthBypassVariantsCheck::new, WwwAuthenticateCheck::new, SpecSecurityNotEnforcedCheck::new,
            AdminRouteExposureCheck::new, CrossIdentityObjectAccessCheck::new, SpecUnprotectedObjectIdCheck::new);

    static Stream<Arguments> checksAndStyles() {
        List<Arguments> out = new ArrayList<>();
        for (Style style : Style.values()) {
            for (Supplier<Check> check : ACCESS_CHECKS) {
                for (boolean identities : new boolean[] {false, true}) {
                    out.add(Arguments.of(style, check.get().descriptor().id(), check.get(), identities));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} on refusals of style {0}, two identities: {3}")
    @MethodSource("checksAndStyles")
    void noAccessCheckReadsADisguisedRefusalAsAccess(Style style, String id, Check check, boolean identities)
            throws IOException {
        try (LoopbackHttpServer server = RefusalFixtures.clinic(style)) {
            ScanReport report = CheckHarness.scan(config(server, identities), List.of(check));
            assertThat(report.findings()).extracting(Finding::title, Finding::evidence).isEmpty();
        }
    }

    @ParameterizedTest(name = "export open next to refusals of style {0}")
    @EnumSource(Style.class)
    void personalDataServedAnonymouslyIsFoundNextToEveryKindOfRefusal(Style style) throws IOException {
        // an empty envelope refuses nobody: only the user's own answer shows the endpoint holds data
        for (boolean identities : style == Style.EMPTY_ENVELOPE ? new boolean[] {true} : new boolean[] {false, true}) {
            try (LoopbackHttpServer server = RefusalFixtures.withOpenExport(style)) {
                List<Finding> found = CheckHarness.scan(config(server, identities),
                        List.of(new DataWithoutCredentialsCheck())).findings();
                assertThat(found).as("identities: %s", identities).singleElement().satisfies(f -> {
                    assertThat(f.title()).isEqualTo("GET /api/patients/export serves personal data without "
                            + "credentials");
                    assertThat(f.evidence()).startsWith("without credentials GET /api/patients/export -> 200 with ");
                });
            }
        }
    }

    @ParameterizedTest(name = "sequential ids behind refusals of style {0}")
    @EnumSource(Style.class)
    void objectsRefusedWithoutAUnauthorizedStatusStillCountAsLoginProtected(Style style) throws IOException {
        try (LoopbackHttpServer server = RefusalFixtures.clinic(style)) {
            List<Finding> found = CheckHarness.scan(config(server, true), List.of(new ObjectIdEnumerationCheck()))
                    .findings();
            assertThat(found).extracting(Finding::title)
                    .containsExactly("Login-protected objects at /api/patients/{id} use sequential numbers as ids");
        }
    }

    private static ScanConfig config(LoopbackHttpServer server, boolean identities) {
        ScanConfig config = CheckHarness.config(server.uri());
        return identities ? config.withIdentities(new Identities(bearer(RefusalFixtures.ALICE_TOKEN),
                bearer(RefusalFixtures.BOB_TOKEN))) : config;
    }

    private static Credentials bearer(String token) {
        return new Credentials(List.of(new Headers.Field("Authorization", "Bearer " + token)));
    }
}
