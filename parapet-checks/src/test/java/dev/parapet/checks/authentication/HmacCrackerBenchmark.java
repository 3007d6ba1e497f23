package dev.parapet.checks.authentication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the offline HMAC cracker goes through its candidates, in candidates per second per algorithm, on one
 * thread: a scripted benchmark (warm-up rounds, then timed rounds over the whole bundled list plus a harvested
 * list, against a token no candidate signed). It sends nothing. Runs only when asked, since timings on a shared
 * machine are no test:
 * {@code PARAPET_BENCH=1 ./mvnw -B -pl parapet-checks -am verify -Dtest=HmacCrackerBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the figures are in {@code parapet-checks/target/surefire-reports/*HmacCrackerBenchmark-output.txt}.
 */
@EnabledIfEnvironmentVariable(named = "PARAPET_BENCH", matches = "1")
class HmacCrackerBenchmark {

    private static final int WARM_UP = 2;
    private static final int ROUNDS = 5;

    @Test
    void measuresCandidatesPerSecondForEachHmacHash() {
        HmacWordlist list = HmacWordlist.load();
        List<String> harvested = IntStream.range(0, TargetWords.MAX_WORDS).mapToObj(i -> "word" + i).toList();
        int candidates = list.secrets().size() + list.withSuffixes(harvested).size();
        System.out.printf("bundled candidates: %d; with %d harvested words: %d%n", list.secrets().size(),
                harvested.size(), candidates);
        for (String alg : List.of("HS256", "HS384", "HS512")) {
            JwtToken t = unguessable(alg);
            for (int i = 0; i < WARM_UP; i++) {
                assertThat(list.crack(t, harvested)).isEmpty();
            }
            long start = System.nanoTime();
            for (int i = 0; i < ROUNDS; i++) {
                list.crack(t, harvested);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %.0f candidates/s (%.3f s per token for the whole list)%n", alg,
                    candidates * ROUNDS / seconds, seconds / ROUNDS);
        }
    }

    private static JwtToken unguessable(String alg) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString("{\"sub\":\"1234567890\",\"name\":\"Ann Example\",\"iat\":1767225600}"
                .getBytes(StandardCharsets.UTF_8));
        String signed = HmacWordlist.signCompact(alg, "kq8Zt2vLw9Rx4Np7Hs3Jd6Fb1Mc5Gy0T".getBytes(StandardCharsets.UTF_8),
                input);
        return JwtToken.parse(signed, true, null).orElseThrow();
    }
}
