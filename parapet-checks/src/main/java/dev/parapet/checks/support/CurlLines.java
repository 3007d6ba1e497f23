package dev.parapet.checks.support;

import dev.parapet.model.Curl;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The second {@code curl} of a pair, for evidence: a finding's own curl reproduces its first exchange, and access
 * findings need the other identity's request beside it. Credential values never appear: every header the
 * identity's request carries and the anonymous request lacks is shown with a placeholder such as
 * {@code $TOKEN_A}. Stateless.
 */
public final class CurlLines {

    private CurlLines() {
    }

    /** {@code e}'s request as curl, its credential headers (those {@code anonymous} lacks) set to {@code placeholder}. */
    public static String withPlaceholder(Exchange e, Exchange anonymous, String placeholder) {
        HttpRequestRecord r = e.request();
        List<Headers.Field> fields = new ArrayList<>();
        for (Headers.Field f : r.headers().fields()) {
            boolean credential = !anonymous.request().headers().has(f.name());
            fields.add(credential ? new Headers.Field(f.name(), scheme(f.value()) + placeholder) : f);
        }
        return Curl.of(new HttpRequestRecord(r.method(), r.uri(), new Headers(fields), r.body()));
    }

    /** {@code Bearer } or {@code Basic } when the value starts with such a scheme word, else nothing. */
    private static String scheme(String value) {
        int space = value.indexOf(' ');
        return space > 0 && space < 10 && value.substring(0, space).chars().allMatch(Character::isLetter)
                ? value.substring(0, space + 1) : "";
    }
}
