package dev.parapet.spi;

import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.spi.Refusals.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalsTest {

    private static final String JSON = "application/json";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String TEXT = "text/plain";

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            200 | application/json | {"error": "missing Token in header"}
            200 | application/json | {"message":"Unauthorized"}
            200 | application/json | {"success":false,"message":"Please login first"}
            200 | application/json | {"status":"error","data":null,"msg":"invalid_token"}
            200 | application/json | {"code":401,"data":{}}
            200 | application/json | {"status":403,"error":"Forbidden","path":"/api/users"}
            200 | application/json | {"authenticated":false}
            200 | application/json | {"data":null,"errors":[{"message":"Not authorised!","extensions":{"code":"UNAUTHENTICATED"}}]}
            200 | application/json | {"result":"Unauthorized"}
            200 | application/json | [{"message":"jwt malformed"}]
            400 | application/json | {"msg":"Missing Authorization Header"}
            422 | application/json | {"msg":"Not enough segments"}
            500 | text/html        | <!DOCTYPE html><html><body><pre>UnauthorizedError: No authorization token was found<br> &nbsp;at middleware</pre></body></html>
            500 | application/json | {"name":"JsonWebTokenError","message":"jwt malformed"}
            404 | application/json | {"detail":"Authentication credentials were not provided."}
            200 | text/plain       | Access Denied
            200 | text/plain       | 未授权，请先登录
            200 | application/json | {"mensaje":"Acceso denegado"}
            200 | application/json | {"error":{"code":"PERMISSION_DENIED","message":"The caller does not have permission"}}
            200 | application/json | {"Message":"Authorization has been denied for this request."}
            200 | application/json | {"message":"No API key found in request"}
            """)
    void readsRefusalsWhateverTheStatusCodeSays(int status, String type, String body) {
        assertThat(verdict(status, type, body)).as(body).isEqualTo(Verdict.REFUSED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            401 | {"id":1,"email":"ann@example.test"}
            403 | <html><body>nope</body></html>
            407 | ''
            419 | <html><title>Page Expired</title></html>
            """)
    void refusalStatusesAreRefusalsWhateverTheBody(int status, String body) {
        assertThat(verdict(status, JSON, body)).isEqualTo(Verdict.REFUSED);
    }

    @Test
    void aLoginPageServedWithOkIsARefusal() {
        String page = "<!doctype html><html><head><title>Acme</title></head><body><form action=\"/session\" "
                + "method=\"post\"><input name=\"user\"><input name=\"pass\" type=\"password\"></form></body></html>";
        Refusals.Judgement j = Refusals.judge(answer(200, HTML, page));
        assertThat(j.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(j.reason()).contains("login page");
    }

    @Test
    void aPageTitledUnauthorizedIsARefusal() {
        assertThat(verdict(200, HTML, "<html><head><title>401 - Unauthorized: Access is denied</title></head>"
                + "<body>…</body></html>")).isEqualTo(Verdict.REFUSED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /login?next=%2Fapi%2Fme
            https://sso.example.test/oauth2/authorize?client_id=x
            /users/sign_in
            /Account/Login?ReturnUrl=%2Fadmin
            /auth/realms/acme/protocol/openid-connect/auth?client_id=web
            /wp-login.php?redirect_to=x
            """)
    void aRedirectToALoginIsARefusal(String location) {
        Exchange e = Exchange.answered(request(), new HttpResponseRecord(302, Headers.of("Location", location), "",
                0, false, ""), Duration.ZERO, 0);
        assertThat(Refusals.judge(e).verdict()).isEqualTo(Verdict.REFUSED);
    }

    @Test
    void aRedirectElsewhereServesNothingButIsNoRefusal() {
        Exchange e = Exchange.answered(request(), new HttpResponseRecord(301, Headers.of("Location", "/api/orders/"),
                "", 0, false, ""), Duration.ZERO, 0);
        assertThat(Refusals.judge(e).verdict()).isEqualTo(Verdict.EMPTY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"data":[]}
            {"items":[],"total":0}
            {"results":[],"count":0,"next":null,"previous":null}
            {}
            []
            {"data":{"items":[]},"meta":{"page":1}}
            {"message":"pong"}
            """)
    void emptyEnvelopesServeNothing(String body) {
        assertThat(verdict(200, JSON, body)).as(body).isEqualTo(Verdict.EMPTY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"success":false}
            {"error":"something went wrong"}
            {"ok":false,"reason":"rate limited"}
            """)
    void errorReportsThatNameNoRefusalAreErrors(String body) {
        assertThat(verdict(200, JSON, body)).as(body).isEqualTo(Verdict.ERROR);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"id":7,"email":"ann@example.test","plan":"pro"}
            {"data":[{"id":1}]}
            {"status":"ok","data":{"id":1}}
            [{"id":1},{"id":2}]
            ["a","b"]
            {"id":1,"title":"Forbidden Planet","price":3}
            {"id":9,"title":"Forbidden Planet"}
            {"user":{"name":"Ann"},"message":"Access denied for guests, welcome back","role":"admin","plan":"pro"}
            {"success":true,"result":[{"id":1}]}
            """)
    void dataIsGranted(String body) {
        assertThat(verdict(200, JSON, body)).as(body).isEqualTo(Verdict.GRANTED);
    }

    @Test
    void aLongTextThatMentionsForbiddenIsContentNotARefusal() {
        String article = "The forbidden city ".repeat(60);
        assertThat(verdict(200, TEXT, article)).isEqualTo(Verdict.GRANTED);
    }

    @Test
    void anErrorWithoutARefusalPhraseIsAnError() {
        assertThat(verdict(404, JSON, "{\"error\":\"not found\"}")).isEqualTo(Verdict.ERROR);
        assertThat(verdict(500, HTML, "<h1>Internal Server Error</h1>")).isEqualTo(Verdict.ERROR);
        Exchange timeout = Exchange.failed(request(), ExchangeOutcome.TIMEOUT, "slow", Duration.ZERO);
        assertThat(Refusals.judge(timeout).verdict()).isEqualTo(Verdict.ERROR);
    }

    @Test
    void phrasesMatchWholeWordsSoATokenFieldIsNoRefusal() {
        assertThat(RefusalPhrases.DEFAULT.phraseIn("tokens_required_count")).isNull();
        assertThat(RefusalPhrases.DEFAULT.phraseIn("Token required.")).isEqualTo("token required");
        assertThat(RefusalPhrases.DEFAULT.phraseIn("unauthorizedness")).isNull();
    }

    @Test
    void theReasonQuotesTheMessageForEvidence() {
        assertThat(Refusals.judge(answer(200, JSON, "{\"error\": \"missing Token in header\"}")).reason())
                .isEqualTo("200 with message 'missing Token in header'");
    }

    @Test
    void sameAnswerIgnoresDigitsOnly() {
        assertThat(Refusals.sameAnswer(answer(200, JSON, "{\"t\":1}"), answer(200, JSON, "{\"t\":2}"))).isTrue();
        assertThat(Refusals.sameAnswer(answer(200, JSON, "{\"t\":1}"), answer(201, JSON, "{\"t\":1}"))).isFalse();
        assertThat(Refusals.sameAnswer(answer(200, JSON, "{\"a\":1}"), answer(200, JSON, "{\"b\":1}"))).isFalse();
    }

    private static Verdict verdict(int status, String type, String body) {
        return Refusals.judge(answer(status, type, body)).verdict();
    }

    private static Exchange answer(int status, String type, String body) {
        return Exchange.answered(request(), new HttpResponseRecord(status, Headers.of("Content-Type", type), body,
                body.length(), false, ""), Duration.ZERO, 0);
    }

    private static HttpRequestRecord request() {
        return new HttpRequestRecord("GET", URI.create("http://127.0.0.1:9/api/me"), Headers.EMPTY, "");
    }
}
