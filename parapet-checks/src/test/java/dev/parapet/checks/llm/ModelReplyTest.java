package dev.parapet.checks.llm;

import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ModelReplyTest {

    private static Exchange answer(int status, String type, String body) {
        return Exchange.answered(new HttpRequestRecord("POST", URI.create("http://127.0.0.1:9/chat"), Headers.EMPTY,
                "{}"), new HttpResponseRecord(status, Headers.of("Content-Type", type), body, body.length(), false, ""),
                Duration.ZERO, 0);
    }

    @Test
    void readsOpenAiChatWithItsOutputTokens() {
        ModelReply r = ModelReply.of(answer(200, "application/json",
                "{\"choices\":[{\"message\":{\"content\":\"Hi\"}}],\"usage\":{\"completion_tokens\":3}}")).orElseThrow();
        assertThat(r.text()).isEqualTo("Hi");
        assertThat(r.outputTokens()).isEqualTo(3);
    }

    @Test
    void joinsTheChunksOfAStreamedAnswer() {
        String sse = """
                data: {"choices":[{"delta":{"content":"PARAPET-"}}]}

                data: {"choices":[{"delta":{"content":"abc"}}],"usage":{"completion_tokens":2}}

                data: [DONE]
                """;
        ModelReply r = ModelReply.of(answer(200, "text/event-stream", sse)).orElseThrow();
        assertThat(r.text()).isEqualTo("PARAPET-abc");
        assertThat(r.outputTokens()).isEqualTo(2);
    }

    @Test
    void readsNothingFromErrorsOrUnrelatedJson() {
        assertThat(ModelReply.of(answer(404, "application/json", "{\"message\":\"not found\"}"))).isEmpty();
        assertThat(ModelReply.of(answer(200, "application/json", "{\"id\":3}"))).isEmpty();
        assertThat(ModelReply.of(answer(200, "text/html", "<p>hi</p>"))).isEmpty();
    }
}
