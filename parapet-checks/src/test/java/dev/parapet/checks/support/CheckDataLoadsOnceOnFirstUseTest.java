package dev.parapet.checks.support;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckDataLoadsOnceOnFirstUseTest {

    @Test
    void loadsNothingUntilAskedAndThenOnceForEveryThread() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        Supplier<String> data = CheckData.once(() -> {
            loads.incrementAndGet();
            return "parsed";
        });
        assertThat(loads).hasValue(0);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 16; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add(data.get());
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(seen).hasSize(16).containsOnly("parsed");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aLoadThatFailsIsTriedAgainByTheNextCaller() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> data = CheckData.once(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("data file missing");
            }
            return "second";
        });
        assertThatThrownBy(data::get).hasMessage("data file missing");
        assertThat(data.get()).isEqualTo("second");
    }
}
