package dev.parapet.checks.authentication;

import dev.parapet.checks.support.SpecResponses;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Write;
import dev.parapet.model.WriteRecord;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The account a sign-up created: its name, where it lives (the answer's {@code Location}, else the registration
 * URL and the id in the answer) and the documented {@code DELETE} that removes it. Immutable.
 */
record CreatedAccount(String user, URI signup, Optional<URI> location, Optional<ApiOperation> delete) {

    private static final List<String> ID_FIELDS = List.of("id", "_id", "uuid", "userId", "user_id", "accountId");
    private static final List<String> TOKEN_FIELDS = List.of("access_token", "accessToken", "token", "jwt",
            "id_token", "auth_token", "authToken");

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
        return new CreatedAccount(user, signup.uri(), location, delete);
    }

    /**
     * Records the sign-up in the scan's undo ledger and has the ledger undo it at once, and says what became of the
     * account. With a documented {@code DELETE} for the account's URL and the session its own login opened
     * ({@code login}, a token in its JSON or its cookies), the account is deleted as itself (with
     * {@code --allow-delete}, which the check requires); otherwise it is listed as left behind with what removes it.
     */
    Undo undo(CheckContext ctx, Optional<Exchange> login) throws InterruptedException {
        String where = location.map(u -> " at " + u.getRawPath()).orElse("");
        Optional<ProbeRequest> delete = location.filter(u -> this.delete.isPresent())
                .flatMap(u -> login.flatMap(CreatedAccount::session).map(h -> ProbeRequest.of("DELETE", u)
                        .as(Identity.ANONYMOUS).withHeader(h.name(), h.value())));
        WriteRecord done = ctx.undo(ctx.recordWrite(new Write.Created("POST " + signup.getRawPath() + " (" + user
                + ")", location.orElse(signup), delete)));
        if (done.outcome().clean()) {
            return new Undo(true, "account '" + user + "' deleted again as itself (" + done.detail() + ")");
        }
        String how = this.delete.isPresent() && location.isPresent() ? "remove it with DELETE "
                + location.get().getRawPath() + " (documented as " + this.delete.get().display() + ")"
                : "remove it by hand";
        return new Undo(false, "account '" + user + "' left behind" + where + ": " + how
                + (delete.isPresent() ? " (" + done.detail() + ")" : ""));
    }

    /** What became of the account, for evidence. */
    record Undo(boolean undone, String evidence) {
    }

    /** The session a login answer opened: a bearer token in its JSON body, else its cookies. */
    private static Optional<Headers.Field> session(Exchange login) {
        Optional<String> token = SpecResponses.json(login).flatMap(n -> TOKEN_FIELDS.stream().map(n::path)
                .filter(JsonNode::isTextual).map(JsonNode::asText).filter(t -> t.length() >= 8).findFirst());
        if (token.isPresent()) {
            return Optional.of(new Headers.Field("Authorization", "Bearer " + token.get()));
        }
        List<String> cookies = login.responseHeaders().all("Set-Cookie").stream().map(c -> c.split(";", 2)[0].strip())
                .filter(c -> c.contains("=")).toList();
        return cookies.isEmpty() ? Optional.empty() : Optional.of(new Headers.Field("Cookie", String.join("; ", cookies)));
    }
}
