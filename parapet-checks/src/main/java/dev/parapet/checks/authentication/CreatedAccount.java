package dev.parapet.checks.authentication;

import dev.parapet.checks.support.SpecResponses;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The account a sign-up created: its name, where it lives (the answer's {@code Location}, else the registration
 * URL and the id in the answer) and the documented {@code DELETE} that removes it. Immutable.
 */
record CreatedAccount(String user, Optional<URI> location, Optional<ApiOperation> delete) {

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
        return new CreatedAccount(user, location, delete);
    }

    /**
     * Undoes the sign-up where the API allows it and says what became of the account: the one place the scan's
     * writes are undone (it becomes the undo ledger's entry when that lands). With a documented {@code DELETE} for
     * the account's URL and the session its own login opened ({@code login}, a token in its JSON or its cookies),
     * the account is deleted as itself; otherwise it is reported as left behind with what removes it.
     */
    Undo undo(CheckContext ctx, Optional<Exchange> login) throws InterruptedException {
        String where = location.map(u -> " at " + u.getRawPath()).orElse("");
        Optional<ProbeRequest> delete = location.filter(u -> this.delete.isPresent())
                .flatMap(u -> login.flatMap(CreatedAccount::session).map(h -> ProbeRequest.of("DELETE", u)
                        .as(Identity.ANONYMOUS).withHeader(h.name(), h.value())));
        if (delete.isPresent()) {
            Exchange e = ctx.probe(delete.get());
            if (e.answered() && e.status() / 100 == 2) {
                return new Undo(true, "account '" + user + "' deleted again (DELETE " + location.get().getRawPath()
                        + " as itself -> " + e.status() + ")", Optional.of(e));
            }
        }
        String how = this.delete.isPresent() && location.isPresent() ? "remove it with DELETE "
                + location.get().getRawPath() + " (documented as " + this.delete.get().display() + ")"
                : "remove it by hand";
        return new Undo(false, "account '" + user + "' left behind" + where + ": " + how, Optional.empty());
    }

    /** What became of the account, for evidence, and the DELETE's exchange when one was sent. */
    record Undo(boolean undone, String evidence, Optional<Exchange> exchange) {
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
