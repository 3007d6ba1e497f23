package dev.parapet.engine;

import dev.parapet.spi.HtmlForm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The forms of an HTML page, read from its tags ({@link HtmlTags}): where each submits (its {@code action} resolved
 * against the page, the page itself when it has none), with which method and encoding, and its named fields
 * ({@code input}, {@code select}, {@code textarea}, named {@code button}s) with the values the page fills in: an
 * input's {@code value} (a checkbox or radio only when {@code checked}), a select's selected option (else its
 * first), a textarea's text. At most {@link #MAX_FORMS} forms of {@link #MAX_FIELDS} fields each. Stateless.
 */
final class HtmlForms {

    static final int MAX_FORMS = 20;
    static final int MAX_FIELDS = 50;

    private HtmlForms() {
    }

    static List<HtmlForm> of(URI page, List<HtmlTags.Tag> tags) {
        List<HtmlForm> out = new ArrayList<>();
        Builder current = null;
        Select select = null;
        for (HtmlTags.Tag t : tags) {
            switch (t.name()) {
                case "form" -> {
                    if (current != null) {
                        current.build().ifPresent(out::add);
                    }
                    current = out.size() < MAX_FORMS ? new Builder(page, t) : null;
                }
                case "/form" -> {
                    if (current != null) {
                        current.build().ifPresent(out::add);
                    }
                    current = null;
                }
                case "input" -> {
                    if (current != null && t.has("name") && !t.attr("type").equalsIgnoreCase("submit")
                            && !t.attr("type").equalsIgnoreCase("image") && !t.attr("type").equalsIgnoreCase("reset")) {
                        String type = t.attr("type").toLowerCase(Locale.ROOT);
                        boolean unchecked = (type.equals("checkbox") || type.equals("radio")) && !t.has("checked");
                        current.add(new HtmlForm.Field(t.attr("name"), type, unchecked ? "" : t.attr("value")));
                    }
                }
                case "button" -> {
                    if (current != null && t.has("name")) {
                        current.add(new HtmlForm.Field(t.attr("name"), "button", t.attr("value")));
                    }
                }
                case "textarea" -> {
                    if (current != null && t.has("name")) {
                        current.add(new HtmlForm.Field(t.attr("name"), "textarea", t.text().trim()));
                    }
                }
                case "select" -> select = current != null && t.has("name") ? new Select(t.attr("name")) : null;
                case "option" -> {
                    if (select != null) {
                        String value = t.has("value") ? t.attr("value") : t.text();
                        if (select.value == null || t.has("selected") && !select.selected) {
                            select.value = value;
                            select.selected = t.has("selected");
                        }
                    }
                }
                case "/select" -> {
                    if (select != null && current != null) {
                        current.add(new HtmlForm.Field(select.name, "select", select.value));
                    }
                    select = null;
                }
                default -> {
                }
            }
        }
        if (current != null) {
            current.build().ifPresent(out::add);
        }
        return out;
    }

    /**
     * The URL a browser requests when it submits a GET form as the page filled it in: the action with its query
     * replaced by the fields, in page order.
     */
    static URI getUrl(HtmlForm form) {
        URI a = form.action();
        StringBuilder query = new StringBuilder();
        for (HtmlForm.Field f : form.fields()) {
            query.append(query.isEmpty() ? "" : "&").append(URLEncoder.encode(f.name(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(f.value(), StandardCharsets.UTF_8));
        }
        String path = a.getRawPath() == null || a.getRawPath().isEmpty() ? "/" : a.getRawPath();
        return URI.create(a.getScheme() + "://" + a.getRawAuthority() + path + (query.isEmpty() ? "" : "?" + query));
    }

    private static final class Select {
        final String name;
        String value;
        boolean selected;

        Select(String name) {
            this.name = name;
        }
    }

    private static final class Builder {
        final URI page;
        final HtmlTags.Tag tag;
        final List<HtmlForm.Field> fields = new ArrayList<>();

        Builder(URI page, HtmlTags.Tag tag) {
            this.page = page;
            this.tag = tag;
        }

        void add(HtmlForm.Field f) {
            if (fields.size() < MAX_FIELDS) {
                fields.add(f);
            }
        }

        Optional<HtmlForm> build() {
            String action = tag.attr("action").trim();
            Optional<URI> target = action.isEmpty() ? Optional.of(page) : Links.resolve(page, action);
            String method = tag.attr("method").trim().toUpperCase(Locale.ROOT);
            return target.map(u -> new HtmlForm(page, method.equals("POST") ? "POST" : "GET", u,
                    tag.attr("enctype").trim(), fields));
        }
    }
}
