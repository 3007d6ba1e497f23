package dev.parapet.spec;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the ingestion benchmark once per build so its numbers are at hand; asserts the work, never the speed. */
class SpecIngestionBenchmarkTest {

    @Test
    void ingestsTheGeneratedThousandOperationSpecAndRecordsTheMeasurement() throws Exception {
        Path out = Path.of("target/spec-benchmark.txt");
        SpecIngestionBenchmark.main(new String[] {out.toString()});
        assertThat(Files.readString(out)).contains("operations kept: 1000", "skipped: 0");
    }
}
