package dev.parapet.checks.unsafeconsumption;

import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host a browser goes to for each redirect spelling, as the WHATWG URL standard resolves it. The expected hosts
 * are those a WHATWG parser ({@code new URL(reference, base).hostname} in Node 20) gives; {@code -} is no host.
 */
class BrowserUrlsTest {

    private static final URI HTTP_PAGE = URI.create("http://127.0.0.1:8080/login?next=/");
    private static final URI HTTPS_PAGE = URI.create("https://shop.example/a/b");

    @ParameterizedTest(name = "{0} from an http page -> {1}, from an https page -> {2}")
    @CsvSource(delimiterString = " | ", textBlock = """
            https://e.invalid/                | e.invalid           | e.invalid
            //e.invalid/                      | e.invalid           | e.invalid
            /\\e.invalid/                     | e.invalid           | e.invalid
            \\/e.invalid/                     | e.invalid           | e.invalid
            \\\\e.invalid                     | e.invalid           | e.invalid
            ///e.invalid                      | e.invalid           | e.invalid
            /\\/e.invalid                     | e.invalid           | e.invalid
            https:e.invalid/                  | e.invalid           | shop.example
            http:e.invalid/                   | 127.0.0.1           | e.invalid
            https:/e.invalid                  | e.invalid           | shop.example
            https:\\\\e.invalid               | e.invalid           | e.invalid
            ftp:e.invalid                     | e.invalid           | e.invalid
            https://127.0.0.1@e.invalid/      | e.invalid           | e.invalid
            https://127.0.0.1:8080@e.invalid/ | e.invalid           | e.invalid
            https://a@b@e.invalid/            | e.invalid           | e.invalid
            https://e.invalid\\@127.0.0.1/    | e.invalid           | e.invalid
            https://e.invalid#127.0.0.1       | e.invalid           | e.invalid
            https://e.invalid?127.0.0.1       | e.invalid           | e.invalid
            https://127.0.0.1.e.invalid/      | 127.0.0.1.e.invalid | 127.0.0.1.e.invalid
            https://e%2Einvalid/              | e.invalid           | e.invalid
            HTTPS://E.INVALID                 | e.invalid           | e.invalid
            https://e.invalid:443/            | e.invalid           | e.invalid
            %2F%2Fe.invalid/                  | 127.0.0.1           | shop.example
            /%2Fe.invalid/                    | 127.0.0.1           | shop.example
            /%5Ce.invalid/                    | 127.0.0.1           | shop.example
            /home                             | 127.0.0.1           | shop.example
            home                              | 127.0.0.1           | shop.example
            ?x                                | 127.0.0.1           | shop.example
            javascript:alert(1)               | -                   | -
            data:text/html,x                  | -                   | -
            """)
    void resolvesEachSpellingAsABrowserDoes(String reference, String fromHttp, String fromHttps) {
        assertThat(BrowserUrls.hostOf(HTTP_PAGE, reference).orElse("-")).isEqualTo(fromHttp);
        assertThat(BrowserUrls.hostOf(HTTPS_PAGE, reference).orElse("-")).isEqualTo(fromHttps);
    }

    @Test
    void dropsTabsNewlinesAndSurroundingSpacesBeforeParsing() {
        assertThat(BrowserUrls.hostOf(HTTP_PAGE, "/\t/e.invalid/")).contains("e.invalid");
        assertThat(BrowserUrls.hostOf(HTTP_PAGE, " //e.invalid")).contains("e.invalid");
        assertThat(BrowserUrls.hostOf(HTTP_PAGE, "/\n/e.invalid")).contains("e.invalid");
        assertThat(BrowserUrls.hostOf(HTTP_PAGE, "/ /e.invalid")).contains("127.0.0.1");
    }

    @Test
    void countsSubdomainsOfTheOutsideHostButNotLookAlikes() {
        assertThat(BrowserUrls.within("parapet-redirect.invalid", "parapet-redirect.invalid")).isTrue();
        assertThat(BrowserUrls.within("127.0.0.1.parapet-redirect.invalid", "parapet-redirect.invalid")).isTrue();
        assertThat(BrowserUrls.within("parapet-redirect.invalid.", "parapet-redirect.invalid")).isTrue();
        assertThat(BrowserUrls.within("xparapet-redirect.invalid", "parapet-redirect.invalid")).isFalse();
        assertThat(BrowserUrls.within("parapet-redirect.invalid.127.0.0.1", "parapet-redirect.invalid")).isFalse();
    }

    @Test
    void readsMetaRefreshAndScriptLocationsOnlyInHtmlPagesAndLocationOnlyOnRedirects() {
        String page = "<meta http-equiv='refresh' content=\"0;URL='https:e.invalid/'\"><script>"
                + "location.href = \"\\/\\\\e.invalid\\/\"; window.location.replace('//f.invalid');</script>";
        assertThat(PageRedirects.of(answer(200, "text/html; charset=utf-8", page, Headers.EMPTY)))
                .extracting(PageRedirects.Target::url).containsExactly("https:e.invalid/", "/\\e.invalid/",
                        "//f.invalid");
        assertThat(PageRedirects.of(answer(200, "application/json", "{\"error\":\"not allowed: //e.invalid\","
                + "\"location\":\"//e.invalid\"}", Headers.EMPTY))).isEmpty();
        assertThat(PageRedirects.of(answer(302, "text/html", page, Headers.of("Location", "/home"))))
                .extracting(PageRedirects.Target::url).containsExactly("/home");
    }

    private static Exchange answer(int status, String type, String body, Headers extra) {
        HttpRequestRecord request = new HttpRequestRecord("GET", HTTP_PAGE, Headers.EMPTY, "");
        Headers headers = extra.with("Content-Type", type);
        return Exchange.answered(request, new HttpResponseRecord(status, headers, body, body.length(), false, ""),
                java.time.Duration.ZERO, 0);
    }
}
