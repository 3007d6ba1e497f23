package dev.parapet.checks.authentication;

import java.util.function.Supplier;
import dev.parapet.checks.support.CheckData;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * HMAC keys known to be used in the wild, tried offline against a token's signature ({@code hmac-secrets.json}):
 * the literal secrets, then every base word in three cases with every prefix and suffix (tens of thousands of
 * candidates), and, per scan, words harvested from the target ({@link TargetWords}) with the same suffixes.
 * Signing is done here with the JDK, not a JOSE library, because those refuse keys shorter than the hash, and a
 * short key is exactly what this list holds. Immutable and thread-safe; one {@link Mac} per crack call.
 */
final class HmacWordlist {

    /** The data file: literal secrets and the parts names of keys are built from. */
    record Data(List<String> secrets, List<String> bases, List<String> prefixes, List<String> suffixes) {
        Data {
            secrets = List.copyOf(secrets);
            bases = List.copyOf(bases);
            prefixes = List.copyOf(prefixes);
            suffixes = List.copyOf(suffixes);
            if (secrets.isEmpty() || secrets.stream().anyMatch(String::isEmpty) || bases.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("the wordlist needs non-empty secrets and bases");
            }
        }
    }

    private static final Supplier<HmacWordlist> BUNDLED = CheckData.once(() -> new HmacWordlist(
            CheckData.load("jwt-weaknesses", "hmac-secrets.json", Data.class)));

    private final List<String> suffixes;
    private final List<String> words;
    private final byte[][] keys;

    HmacWordlist(Data data) {
        Set<String> all = new LinkedHashSet<>(data.secrets());
        for (String base : data.bases()) {
            for (String form : cases(base)) {
                for (String prefix : data.prefixes()) {
                    for (String suffix : data.suffixes()) {
                        all.add(prefix + form + suffix);
                    }
                }
            }
        }
        this.suffixes = data.suffixes();
        this.words = List.copyOf(all);
        this.keys = utf8(words);
    }

    /** The bundled list, expanded once per process. */
    static HmacWordlist load() {
        return BUNDLED.get();
    }

    /** Every bundled candidate, literal secrets first. */
    List<String> secrets() {
        return words;
    }

    /** The wordlist entry that signed {@code token}, if any; only HS256/384/512 tokens can match. */
    Optional<String> crack(JwtToken token) {
        return crack(token, List.of());
    }

    /**
     * The key that signed {@code token}: one of {@code harvested} (words from the target, each also tried in three
     * cases with every suffix), else a bundled one. Only HS256/384/512 tokens with a signature can match.
     */
    Optional<String> crack(JwtToken token, Collection<String> harvested) {
        String javaName = javaName(token.alg());
        byte[] signature = token.signature();
        if (javaName == null || signature.length == 0) {
            return Optional.empty();
        }
        byte[] input = token.signingInput().getBytes(StandardCharsets.US_ASCII);
        try {
            Mac mac = Mac.getInstance(javaName);
            if (signature.length != mac.getMacLength()) {
                return Optional.empty();
            }
            List<String> local = withSuffixes(harvested);
            int hit = first(mac, javaName, utf8(local), input, signature);
            if (hit >= 0) {
                return Optional.of(local.get(hit));
            }
            hit = first(mac, javaName, keys, input, signature);
            return hit >= 0 ? Optional.of(words.get(hit)) : Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always provides " + javaName, e);
        }
    }

    /** Candidates tried per harvested word list: the words in three cases, each with every suffix. */
    List<String> withSuffixes(Collection<String> harvested) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : harvested) {
            for (String form : cases(w)) {
                for (String suffix : suffixes) {
                    out.add(form + suffix);
                }
            }
        }
        out.remove("");
        return new ArrayList<>(out);
    }

    private static int first(Mac mac, String javaName, byte[][] candidates, byte[] input, byte[] signature)
            throws GeneralSecurityException {
        for (int i = 0; i < candidates.length; i++) {
            mac.init(new SecretKeySpec(candidates[i], javaName));
            if (MessageDigest.isEqual(mac.doFinal(input), signature)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code header.payload.signature} with an HMAC signature over the first two segments. */
    static String signCompact(String alg, byte[] key, String signingInput) {
        String javaName = javaName(alg);
        try {
            Mac mac = Mac.getInstance(javaName);
            mac.init(new SecretKeySpec(key, javaName));
            byte[] sig = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always provides " + javaName, e);
        }
    }

    static String javaName(String alg) {
        return switch (alg) {
            case "HS256" -> "HmacSHA256";
            case "HS384" -> "HmacSHA384";
            case "HS512" -> "HmacSHA512";
            default -> null;
        };
    }

    private static List<String> cases(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        return List.of(w, lower, lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1),
                w.toUpperCase(Locale.ROOT));
    }

    private static byte[][] utf8(List<String> words) {
        byte[][] out = new byte[words.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = words.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }
}
