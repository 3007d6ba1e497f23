package dev.parapet.checks.bola;

import dev.parapet.config.Credentials;
import dev.parapet.config.Identities;
import dev.parapet.model.Headers;
import dev.parapet.testkit.fixtures.AccessControlFixtures;

import java.util.List;

/** Alice as the primary and Bob as the secondary identity of {@link AccessControlFixtures}, for scan configs. */
public final class TwoIdentities {

    private TwoIdentities() {
    }

    public static Identities aliceAndBob() {
        return new Identities(bearer(AccessControlFixtures.ALICE_TOKEN), bearer(AccessControlFixtures.BOB_TOKEN));
    }

    public static Identities aliceOnly() {
        return new Identities(bearer(AccessControlFixtures.ALICE_TOKEN), Credentials.NONE);
    }

    private static Credentials bearer(String token) {
        return new Credentials(List.of(new Headers.Field("Authorization", "Bearer " + token)));
    }
}
