package dev.parapet.model;

import java.time.Duration;
import java.util.Optional;

/**
 * One request and what became of it. {@code response} is null unless {@code outcome} is ANSWERED;
 * {@code error} explains any other outcome. {@code redirects} counts in-scope redirects the engine followed;
 * {@code request} is then the last request of the chain.
 */
public record Exchange(HttpRequestRecord request, HttpResponseRecord response, ExchangeOutcome outcome,
                       String error, Duration elapsed, int redirects) {

    public Exchange {
        error = error == null ? "" : error;
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
        if ((outcome == ExchangeOutcome.ANSWERED) != (response != null)) {
            throw new IllegalArgumentException("a response is present exactly when the outcome is ANSWERED");
        }
    }

    public static Exchange answered(HttpRequestRecord request, HttpResponseRecord response, Duration elapsed, int redirects) {
        return new Exchange(request, response, ExchangeOutcome.ANSWERED, "", elapsed, redirects);
    }

    public static Exchange failed(HttpRequestRecord request, ExchangeOutcome outcome, String error, Duration elapsed) {
        return new Exchange(request, null, outcome, error, elapsed, 0);
    }

    /**
     * This exchange with the response body and the request body cut to {@code maxChars} characters each (see
     * {@link HttpResponseRecord#withBodyWindow}); the same instance when both fit.
     */
    public Exchange withBodyWindow(int maxChars) {
        HttpResponseRecord res = response == null ? null : response.withBodyWindow(maxChars);
        HttpRequestRecord req = request.body().length() <= maxChars ? request
                : new HttpRequestRecord(request.method(), request.uri(), request.headers(),
                BodyWindow.head(request.body(), maxChars), request.caller());
        if (res == response && req == request) {
            return this;
        }
        return new Exchange(req, res, outcome, BodyWindow.head(error, maxChars), elapsed, redirects);
    }

    public boolean answered() {
        return outcome == ExchangeOutcome.ANSWERED;
    }

    public Optional<HttpResponseRecord> responseIfAny() {
        return Optional.ofNullable(response);
    }

    /** The status code, or 0 when there was no answer. */
    public int status() {
        return response == null ? 0 : response.status();
    }

    /** The response body, or an empty string when there was no answer. */
    public String body() {
        return response == null ? "" : response.body();
    }

    public Headers responseHeaders() {
        return response == null ? Headers.EMPTY : response.headers();
    }
}
