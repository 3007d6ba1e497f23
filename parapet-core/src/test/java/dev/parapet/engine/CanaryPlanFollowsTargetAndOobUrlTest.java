package dev.parapet.engine;

import dev.parapet.config.ScanConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CanaryPlanFollowsTargetAndOobUrlTest {

    @Test
    void listensOnARandomLoopbackPortForALoopbackTarget() {
        CanaryPlan plan = CanaryPlan.of(ScanConfig.defaults(URI.create("http://127.0.0.1:8080/"))).orElseThrow();
        assertThat(plan.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(plan.port()).isZero();
        assertThat(plan.urlFor("abc", 41000)).isEqualTo(URI.create("http://127.0.0.1:41000/abc"));
    }

    @Test
    void listensOnLoopbackForPrivateAndLocalNames() {
        for (String target : new String[]{"http://10.1.2.3/", "http://192.168.0.7:3000/", "http://localhost:3000/",
                "http://api.internal/", "http://orders/", "http://[::1]:8080/"}) {
            assertThat(CanaryPlan.of(ScanConfig.defaults(URI.create(target)))).as(target).isPresent();
        }
    }

    @Test
    void hasNoCanaryForAPublicTargetWithoutAnOobUrl() {
        assertThat(CanaryPlan.of(ScanConfig.defaults(URI.create("https://api.example.com/")))).isEmpty();
        assertThat(CanaryPlan.of(ScanConfig.defaults(URI.create("http://203.0.113.9/")))).isEmpty();
    }

    @Test
    void listensOnTheOobUrlsPortAndPlantsUrlsBuiltOnIt() {
        ScanConfig config = ScanConfig.defaults(URI.create("https://api.example.com/"))
                .withOobUrl("http://canary.example.net:8899");
        CanaryPlan plan = CanaryPlan.of(config).orElseThrow();
        assertThat(plan.port()).isEqualTo(8899);
        assertThat(plan.bindAddress().getHostAddress()).as("a name the target reaches through NAT or a tunnel")
                .isEqualTo("0.0.0.0");
        assertThat(plan.urlFor("abc", 8899)).isEqualTo(URI.create("http://canary.example.net:8899/abc"));
    }

    @Test
    void bindsLoopbackOnlyWhenTheOobUrlNamesLoopback() {
        CanaryPlan plan = CanaryPlan.of(ScanConfig.defaults(URI.create("http://127.0.0.1:3000/"))
                .withOobUrl("http://localhost:9123")).orElseThrow();
        assertThat(plan.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(plan.port()).isEqualTo(9123);
        assertThat(plan.base()).isEqualTo(Optional.of(URI.create("http://localhost:9123")));
    }

    @Test
    void takesTheSchemesDefaultPortWhenTheOobUrlNamesNone() {
        assertThat(CanaryPlan.of(ScanConfig.defaults(URI.create("https://api.example.com/"))
                .withOobUrl("https://oob.example.net")).orElseThrow().port()).isEqualTo(443);
        assertThat(CanaryPlan.of(ScanConfig.defaults(URI.create("https://api.example.com/"))
                .withOobUrl("http://oob.example.net")).orElseThrow().port()).isEqualTo(80);
    }
}
