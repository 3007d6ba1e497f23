package dev.parapet.config;

import dev.parapet.http.Redactor;
import dev.parapet.model.Headers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Separates the user-info of a target URL ({@code http://user:password@host/}) from the target. The target every
 * report, store row, history line and MCP answer shows is the URL without it; the credential travels only as the
 * primary identity's {@code Authorization: Basic} header (which the engine sends to the target's origin alone and
 * the {@link Redactor} masks everywhere), as a browser or curl would send it. An explicit {@code Authorization}
 * credential ({@code --auth-basic}, {@code --auth-bearer}, …) wins over the user-info. Stateless.
 */
final class TargetUserInfo {

    /** The target without user-info, and the identities that carry it. */
    record Split(URI target, Identities identities) {
    }

    private TargetUserInfo() {
    }

    static Split split(URI target, Identities identities) {
        if (target == null || target.getRawUserInfo() == null) {
            return new Split(target, identities);
        }
        String raw = target.getRawUserInfo();
        String decoded = target.getUserInfo();
        // every spelling the password could be written in is masked, whatever happens to the header below
        Redactor.registerSecret(raw);
        Redactor.registerSecret(decoded);
        int rawColon = raw.indexOf(':');
        if (rawColon >= 0) {
            Redactor.registerSecret(raw.substring(rawColon + 1));
        }
        URI bare = withoutUserInfo(target);
        Credentials primary = identities.primary();
        if (primary.headers().stream().anyMatch(f -> f.name().equalsIgnoreCase("Authorization"))) {
            return new Split(bare, identities);
        }
        String blob = Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
        Credentials withBasic = primary.with(new Headers.Field("Authorization", "Basic " + blob));
        return new Split(bare, new Identities(withBasic, identities.secondary()));
    }

    /** The same URL without user-info; path, query and fragment stay as written (still percent-encoded). */
    static URI withoutUserInfo(URI target) {
        String authority = target.getRawAuthority();
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        return URI.create(target.getScheme() + "://" + hostPort
                + (target.getRawPath() == null ? "" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                + (target.getRawFragment() == null ? "" : "#" + target.getRawFragment()));
    }
}
