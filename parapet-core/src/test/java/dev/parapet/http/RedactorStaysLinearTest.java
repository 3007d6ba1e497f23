package dev.parapet.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redaction reads target text a bounded number of times per character, whatever the text holds: the work is
 * counted (characters read through {@link CharSequence#charAt}), not timed, so the test means the same on any
 * machine. The inputs are the shapes that made backtracking patterns quadratic: one long word, one long word made
 * of anchor words, a megabyte of one letter, and many unterminated secrets.
 */
class RedactorStaysLinearTest {

    /** Reads per character allowed: every pass (two multi-string searches, the scanners, the copy) reads a few. */
    private static final long READS_PER_CHAR = 8;

    @Test
    void aTwoHundredThousandCharacterWordIsReadAFewTimesPerCharacter() {
        assertReadsAreLinear("a".repeat(200_000));
        assertReadsAreLinear("x" + "passwordtoken".repeat(16_000) + "\"");
        assertReadsAreLinear("eyJ".repeat(70_000));
        assertReadsAreLinear("ghp_".repeat(50_000));
    }

    @Test
    void aMegabyteBodyOfHostileShapesIsReadAFewTimesPerCharacter() {
        assertReadsAreLinear("a".repeat(1 << 20));
        assertReadsAreLinear("-----BEGIN RSA PRIVATE KEY-----\n".repeat(32_000));
        assertReadsAreLinear("http://user:".repeat(80_000));
        assertReadsAreLinear("Cookie: a=b; ".repeat(80_000));
        assertReadsAreLinear("{\"password\": ".repeat(80_000));
        assertReadsAreLinear("token=".repeat(160_000));
    }

    @Test
    void aHugeWordComesBackWholeAndASecretAfterItIsStillMasked() {
        String word = "b".repeat(200_000);
        assertThat(Redactor.text(word)).isSameAs(word);
        String body = "{\"note\":\"" + word + "\",\"password\":\"after-a-long-word-1\"}";
        assertThat(Redactor.text(body)).doesNotContain("after-a-long-word-1")
                .endsWith("\"password\":\"[redacted]\"}").startsWith("{\"note\":\"" + word);
    }

    @Test
    void aMegabyteOfJsonKeepsEveryOrdinaryFieldAndMasksEverySecret() {
        StringBuilder json = new StringBuilder("[");
        int records = 0;
        while (json.length() < (1 << 20)) {
            json.append("{\"id\":").append(records).append(",\"name\":\"user-").append(records)
                    .append("\",\"api_key\":\"key-").append(records).append("-zz\"},");
            records++;
        }
        json.setLength(json.length() - 1);
        json.append(']');
        String out = Redactor.text(json.toString());
        assertThat(out).doesNotContain("-zz\"").contains("\"name\":\"user-" + (records - 1) + "\"");
        assertThat(out.split("\"api_key\":\"\\[redacted]\"", -1)).hasSize(records + 1);
    }

    private static void assertReadsAreLinear(String text) {
        CountingSequence counted = new CountingSequence(text);
        CharSequence out = Redactor.redact(counted);
        assertThat(out.length()).isPositive();
        assertThat(counted.reads).as("characters read for %d characters of %.20s…", text.length(), text)
                .isLessThanOrEqualTo(READS_PER_CHAR * text.length());
    }

    /** A text that counts how often its characters are read. Not thread-safe: one redaction at a time. */
    private static final class CountingSequence implements CharSequence {
        private final String text;
        long reads;

        CountingSequence(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            reads += text.length();
            return text;
        }
    }
}
