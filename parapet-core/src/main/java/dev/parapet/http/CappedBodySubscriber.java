package dev.parapet.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to {@code cap} bytes, then cancels the rest of the stream: a hostile server cannot
 * make Parapet hold more than {@code cap + one buffer} bytes. Non-blocking; the caller bounds total time with a
 * timeout on the response future.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<CappedBodySubscriber.RawBody> {

    /** The raw (still encoded) bytes read, and whether the body went on past the cap. */
    record RawBody(byte[] bytes, boolean truncated) {
    }

    private final int cap;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<RawBody> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBodySubscriber(int cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<RawBody> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            int room = cap - buffer.size();
            int n = Math.min(room, b.remaining());
            byte[] chunk = new byte[n];
            b.get(chunk);
            buffer.write(chunk, 0, n);
            if (b.hasRemaining()) {
                result.complete(new RawBody(buffer.toByteArray(), true));
                subscription.cancel();
                return;
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new RawBody(buffer.toByteArray(), false));
    }
}
