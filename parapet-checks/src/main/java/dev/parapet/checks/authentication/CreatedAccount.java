package dev.parapet.checks.authentication;

import dev.parapet.checks.support.SpecResponses;
import dev.parapet.model.Exchange;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.CheckContext;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The account a sign-up created: its name, where it lives (the answer's {@code Location}, else the registration
 * URL and the id in the answer) and the documented {@code DELETE} that would remove it. Immutable.
 */
record CreatedAccount(String user, Optional<URI> location, Optional<ApiOperation> delete) {

    private static final List<String> ID_FIELDS = List.of("id", "_id", "uuid", "userId", "user_id", "accountId");

    static CreatedAccount of(CheckContext ctx, CredentialForm signup, String user, Exchange created) {
        Optional<URI> location = created.responseHeaders().first("Location").flatMap(l -> {
            try {
                return Optional.of(created.request().uri().resolve(l.strip()));
            } catch (IllegalArgumentException notAUri) {
                return Optional.empty();
            }
        });
        if (location.isEmpty()) {
            location = SpecResponses.json(created).flatMap(n -> ID_FIELDS.stream().map(f -> n.isObject()
                    ? n.path(f) : n.path(0).path(f)).filter(v -> v.isValueNode() && !v.asText().isBlank()).findFirst())
                    .map(id -> URI.create(signup.uri().toString().replaceAll("/$", "") + "/" + id.asText()));
        }
        Optional<URI> at = location;
        Optional<ApiOperation> delete = ctx.inventory().spec().operations().stream()
                .filter(op -> op.method().equals("DELETE"))
                .filter(op -> at.map(u -> ctx.inventory().spec().match("DELETE", u).isPresent()).orElse(false))
                .findFirst();
        return new CreatedAccount(user, location, delete);
    }

    /**
     * Records the account the scan created and says what became of it. The one place an undo would run: the scan
     * deletes nothing without {@code --allow-delete}, and checks cannot see that switch yet, so the account is
     * reported as left behind with what removes it.
     */
    String record(CheckContext ctx) {
        String where = location.map(u -> " at " + u.getRawPath()).orElse("");
        String how = delete.isPresent() && location.isPresent() ? "remove it with DELETE " + location.get().getRawPath()
                + " (documented as " + delete.get().display() + ")" : "remove it by hand";
        return "account '" + user + "' left behind" + where + ": " + how;
    }
}
