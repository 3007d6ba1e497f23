package dev.parapet.server;

import dev.parapet.http.PinnedAddresses;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerTargetPolicyTest {

    static ServerTargetPolicy resolvingTo(List<String> allow, String address) {
        return new ServerTargetPolicy(allow, host -> new InetAddress[]{InetAddress.getByName(address)});
    }

    @Test
    void refusesEveryInternalRangeByDefault() {
        ServerTargetPolicy policy = ServerTargetPolicy.of(List.of());
        for (String host : List.of("127.0.0.1", "127.8.9.10", "[::1]", "0.0.0.0", "[::]", "10.1.2.3", "172.16.0.1",
                "172.31.255.254", "192.168.1.1", "169.254.169.254", "169.254.1.1", "100.64.0.1", "100.127.255.254",
                "[fd00:ec2::254]", "[fc00::1]", "[fe80::1]", "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]", "224.0.0.1",
                "255.255.255.255")) {
            assertThatThrownBy(() -> policy.admit(URI.create("http://" + host + "/"))).as(host)
                    .isInstanceOf(ServerTargetPolicy.Refused.class).hasMessageContaining("--allow-target");
        }
    }

    @Test
    void admitsPublicAddressesAndTheEdgesOfTheInternalRanges() {
        ServerTargetPolicy policy = ServerTargetPolicy.of(List.of());
        for (String host : List.of("93.184.216.34", "100.63.255.255", "100.128.0.1", "172.15.0.1", "172.32.0.1",
                "[2606:4700::1111]")) {
            try (PinnedAddresses.Pin pin = policy.admit(URI.create("http://" + host + "/"))) {
                assertThat(pin.addresses()).as(host).isEmpty();
            }
        }
    }

    @Test
    void aNameIsJudgedByWhatItResolvesToAndPinnedToIt() throws Exception {
        assertThatThrownBy(() -> resolvingTo(List.of(), "10.0.0.7").admit(URI.create("http://api.example.test/")))
                .isInstanceOf(ServerTargetPolicy.Refused.class).hasMessageContaining("10.0.0.7");
        try (PinnedAddresses.Pin pin = resolvingTo(List.of(), "93.184.216.34")
                .admit(URI.create("http://api.example.test/"))) {
            assertThat(pin.addresses()).containsExactly(InetAddress.getByName("93.184.216.34"));
        }
    }

    @Test
    void anAllowPatternAdmitsItsRangeOrNameOnly() {
        ServerTargetPolicy policy = resolvingTo(List.of("127.0.0.1/32", "staging.example.test"), "10.0.0.7");
        policy.admit(URI.create("http://127.0.0.1:8080/")).close();
        policy.admit(URI.create("http://staging.example.test/")).close();
        assertThatThrownBy(() -> policy.admit(URI.create("http://127.0.0.2/")))
                .isInstanceOf(ServerTargetPolicy.Refused.class);
        assertThatThrownBy(() -> policy.admit(URI.create("http://other.example.test/")))
                .isInstanceOf(ServerTargetPolicy.Refused.class);
        assertThatThrownBy(() -> ServerTargetPolicy.of(List.of("not a pattern!")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
