package dev.parapet.server;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    @Test
    void aCallerGetsItsBurstThenOneCallPerRefillAndOthersAreUnaffected() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, 3, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).isTrue();
        }
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).isTrue();
        now.addAndGet(500_000_000L);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
    }
}
