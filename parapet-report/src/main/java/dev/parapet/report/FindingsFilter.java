package dev.parapet.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The HTML report's only script: the findings index's filters by severity and category. A checkbox left unticked
 * hides the findings of that severity or category, in the index and in the details, and the count line says how
 * many are shown. The page's Content-Security-Policy allows this script by its SHA-256 and nothing else, so no
 * text from the target can run even if it slipped into the page. The script contains neither {@code <} nor
 * {@code &}, so it is valid XHTML text without a CDATA section. Immutable.
 */
final class FindingsFilter {

    static final String SCRIPT = """
            (function () {
              var boxes = document.querySelectorAll('input.filter');
              function wanted(kind) {
                var on = {};
                boxes.forEach(function (b) { if (b.dataset.kind === kind) { on[b.value] = b.checked; } });
                return on;
              }
              function apply() {
                var sev = wanted('severity');
                var cat = wanted('category');
                var shown = 0;
                var rows = document.querySelectorAll('[data-severity]');
                rows.forEach(function (el) {
                  var visible = sev[el.dataset.severity] !== false;
                  if (visible) { visible = cat[el.dataset.category] !== false; }
                  el.hidden = !visible;
                  if (visible) { if (el.tagName === 'TR') { shown++; } }
                });
                var count = document.getElementById('filter-count');
                if (count) { count.textContent = shown + ' of ' + count.dataset.total + ' findings shown'; }
              }
              boxes.forEach(function (b) { b.addEventListener('change', apply); });
              apply();
            })();
            """;

    /** The CSP source expression for {@link #SCRIPT}: {@code 'sha256-…'}. */
    static final String HASH = "'sha256-" + sha256(SCRIPT) + "'";

    private FindingsFilter() {
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
