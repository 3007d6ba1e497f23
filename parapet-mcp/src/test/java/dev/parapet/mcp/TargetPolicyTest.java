package dev.parapet.mcp;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

class TargetPolicyTest {

    private final List<String> lookedUp = new ArrayList<>();

    private TargetPolicy policy(List<String> allow, String... answers) {
        return new TargetPolicy(allow, host -> {
            lookedUp.add(host);
            InetAddress[] out = new InetAddress[answers.length];
            for (int i = 0; i < answers.length; i++) {
                out[i] = InetAddress.getByAddress(host, InetAddress.getByName(answers[i]).getAddress());
            }
            return out;
        });
    }

    @Test
    void refusesAPublicLiteralAddressWithoutResolvingAnything() {
        assertThatThrownBy(() -> policy(List.of()).check(URI.create("http://8.8.8.8/")))
                .isInstanceOf(ToolException.class).hasMessageContaining("outside the loopback and private ranges");
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void acceptsLoopbackAndPrivateLiteralsWithoutResolving() {
        TargetPolicy p = policy(List.of());
        for (String url : List.of("http://127.0.0.1:8080/", "http://10.1.2.3/", "http://172.16.0.1/",
                "http://172.31.255.255/", "http://192.168.1.1/", "http://[::1]:9000/", "http://[fd00::1]/")) {
            assertThatCode(() -> p.check(URI.create(url))).as(url).doesNotThrowAnyException();
        }
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void refusesAddressesJustOutsideThePrivateRanges() {
        TargetPolicy p = policy(List.of());
        for (String url : List.of("http://172.32.0.1/", "http://172.15.255.1/", "http://192.169.0.1/",
                "http://[2001:db8::1]/", "http://169.254.169.254/")) {
            assertThatThrownBy(() -> p.check(URI.create(url))).as(url).isInstanceOf(ToolException.class);
        }
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsPublic() {
        assertThatThrownBy(() -> policy(List.of(), "10.0.0.5", "93.184.216.34")
                .check(URI.create("http://mixed.internal/")))
                .isInstanceOf(ToolException.class).hasMessageContaining("93.184.216.34");
        assertThat(lookedUp).containsExactly("mixed.internal");
    }

    @Test
    void acceptsANameWhoseAddressesAreAllPrivate() {
        assertThatCode(() -> policy(List.of(), "127.0.0.1", "10.0.0.7").check(URI.create("http://api.local:8080/")))
                .doesNotThrowAnyException();
    }

    @Test
    void anAllowPatternAdmitsMatchingHostsByGlobIgnoringCase() {
        TargetPolicy p = policy(List.of("*.staging.example.com", "8.8.4.4"), "93.184.216.34");
        assertThatCode(() -> p.check(URI.create("https://API.staging.example.com/v1"))).doesNotThrowAnyException();
        assertThatCode(() -> p.check(URI.create("http://8.8.4.4/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> p.check(URI.create("https://staging.example.com.evil.test/")))
                .isInstanceOf(ToolException.class);
        assertThatThrownBy(() -> p.check(URI.create("http://8.8.8.8/"))).isInstanceOf(ToolException.class)
                .hasMessageContaining("patterns: *.staging.example.com, 8.8.4.4");
    }

    @Test
    void anUnresolvableNameIsRefusedWithTheReason() {
        TargetPolicy p = new TargetPolicy(List.of(), host -> {
            throw new UnknownHostException(host + ": Name or service not known");
        });
        assertThatThrownBy(() -> p.check(URI.create("http://nowhere.invalid/")))
                .isInstanceOf(ToolException.class).hasMessageStartingWith("cannot resolve the host nowhere.invalid");
    }

    @Test
    void anAddressGlobIsNeverMatchedAgainstTheTextOfAName() {
        TargetPolicy p = policy(List.of("10.0.0.*", "203.0.113.*"), "93.184.216.34");
        assertThatThrownBy(() -> p.check(URI.create("http://10.0.0.attacker.invalid/")))
                .isInstanceOf(ToolException.class).hasMessageContaining("93.184.216.34");
        assertThatThrownBy(() -> p.check(URI.create("http://203.0.113.attacker.invalid/")))
                .isInstanceOf(ToolException.class).hasMessageContaining("outside the loopback and private ranges");
        assertThat(lookedUp).containsExactly("10.0.0.attacker.invalid", "203.0.113.attacker.invalid");
    }

    @Test
    void aNameThatResolvesToAnAddressAnAddressPatternAllowsIsAdmitted() {
        assertThatCode(() -> policy(List.of("203.0.113.*"), "203.0.113.9").check(URI.create("http://api.test/")))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy(List.of("198.51.100.0/24"), "198.51.100.200")
                .check(URI.create("http://api.test/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy(List.of("198.51.100.0/25"), "198.51.100.200")
                .check(URI.create("http://api.test/"))).isInstanceOf(ToolException.class);
        assertThatCode(() -> policy(List.of("2001:db8::/32")).check(URI.create("http://[2001:db8::7]/")))
                .doesNotThrowAnyException();
    }

    @Test
    void aNamePatternMatchesTheWholeNameLabelByLabel() {
        TargetPolicy p = policy(List.of("*.staging.example.com", "api-*.example.com"), "93.184.216.34");
        for (String ok : List.of("http://a.staging.example.com/", "http://a.b.staging.example.com/",
                "http://api-eu.example.com/")) {
            assertThatCode(() -> p.check(URI.create(ok))).as(ok).doesNotThrowAnyException();
        }
        for (String refused : List.of("http://staging.example.com/", "http://evilstaging.example.com/",
                "http://a.staging.example.com.evil.test/", "http://api-eu.x.example.com/", "http://93.184.216.34/")) {
            assertThatThrownBy(() -> p.check(URI.create(refused))).as(refused).isInstanceOf(ToolException.class);
        }
    }

    @Test
    void aPatternThatIsNeitherAnAddressNorANameStopsTheServerWithOneLine() {
        for (String bad : List.of("10.0.0.0/33", "http://x/", "10.0.0.300", "*", "")) {
            assertThatThrownBy(() -> policy(List.of(bad))).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--allow-target").hasMessageNotContaining("\n");
        }
    }

    @Test
    void anAdmittedNameIsPinnedToTheCheckedAddressesUntilTheScanEnds() throws Exception {
        String name = "pinned-api.parapet-test.invalid";
        TargetPolicy p = policy(List.of(), "127.0.0.1");
        try (var pin = p.admit(URI.create("http://" + name + ":8080/"))) {
            assertThat(pin.addresses()).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
            // every lookup in the process, the HTTP client's included, answers what was checked
            assertThat(InetAddress.getAllByName(name)).extracting(InetAddress::getHostAddress)
                    .containsExactly("127.0.0.1");
        }
        assertThat(lookedUp).containsExactly(name);
    }
}
