package dev.parapet.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Lets a client that writes its requests and closes its end at once ({@code printf ... | parapet mcp}) still get
 * every answer. The SDK's stdio transport closes the session as soon as its input ends, dropping answers still being
 * computed; so the {@link #input} this class wraps counts the JSON-RPC requests it passes on (messages with a
 * {@code method} and an {@code id}), the {@link #output} counts the answers written (an {@code id} and no
 * {@code method}), and the input reports its end only once every request was answered, or after {@code maxWait}.
 * Each newline-delimited message is read as JSON once more for this; lines over {@value #MAX_LINE} bytes are not
 * counted (no request is that long). Thread-safe.
 */
final class AnswersBeforeEnd {

    static final int MAX_LINE = 4 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CountDownLatch ended = new CountDownLatch(1);
    private final Duration maxWait;
    private long requests;
    private long answers;

    AnswersBeforeEnd(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** Counts down when the wrapped input has ended (after its requests were answered) or failed. */
    CountDownLatch ended() {
        return ended;
    }

    InputStream input(InputStream in) {
        return new Input(in);
    }

    OutputStream output(OutputStream out) {
        return new Output(out);
    }

    private synchronized void requestSeen() {
        requests++;
    }

    private synchronized void answerSeen() {
        answers++;
        notifyAll();
    }

    private synchronized void awaitAnswers() throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long left;
        while (answers < requests && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private static JsonNode message(ByteArrayOutputStream line) {
        if (line.size() == 0 || line.size() > MAX_LINE) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(line.toByteArray());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Splits bytes into lines and hands each finished line to {@code onLine}. */
    private abstract static class Lines {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        void accept(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    finish();
                } else if (line.size() <= MAX_LINE) {
                    line.write(b[i]);
                }
            }
        }

        void finish() {
            JsonNode node = message(line);
            line.reset();
            if (node != null) {
                onMessage(node);
            }
        }

        abstract void onMessage(JsonNode message);
    }

    private final class Input extends FilterInputStream {
        private final Lines lines = new Lines() {
            @Override
            void onMessage(JsonNode m) {
                if (m.has("method") && m.has("id")) {
                    requestSeen();
                }
            }
        };

        Input(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
            if (n > 0) {
                lines.accept(b, off, n);
                return n;
            }
            if (n < 0) {
                lines.finish();
                try {
                    awaitAnswers();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ended.countDown();
            }
            return n;
        }
    }

    private final class Output extends FilterOutputStream {
        /** Answers written but not yet flushed: an answer counts once it has left this process. */
        private int unflushed;
        private final Lines lines = new Lines() {
            @Override
            void onMessage(JsonNode m) {
                if (m.has("id") && !m.has("method")) {
                    unflushed++;
                }
            }
        };

        Output(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            lines.accept(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
            for (; unflushed > 0; unflushed--) {
                answerSeen();
            }
        }
    }
}
