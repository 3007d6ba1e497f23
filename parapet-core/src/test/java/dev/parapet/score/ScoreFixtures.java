package dev.parapet.score;

import dev.parapet.model.Category;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds findings and check runs for scoring tests; every finding gets its own fingerprint. */
final class ScoreFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private ScoreFixtures() {
    }

    static Finding finding(String checkId, Category category, Severity severity, Confidence confidence) {
        return Finding.builder(checkId, category)
                .severity(severity)
                .confidence(confidence)
                .title(checkId + " " + severity.id())
                .endpoint(new Endpoint("GET", URI.create("http://127.0.0.1:1/x"), Endpoint.Source.TARGET))
                .discriminator("n" + SEQ.incrementAndGet())
                .build();
    }

    static CheckRun run(String checkId, Category category, CheckStatus status) {
        return new CheckRun(checkId, category, status, status == CheckStatus.COMPLETED ? "" : "because", 0, 1, 0,
                Duration.ZERO);
    }

    static CheckRun completed(String checkId, Category category) {
        return run(checkId, category, CheckStatus.COMPLETED);
    }
}
