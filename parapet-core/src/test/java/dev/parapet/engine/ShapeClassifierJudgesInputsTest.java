package dev.parapet.engine;

import dev.parapet.spi.InputLocation;
import dev.parapet.spi.ValueShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShapeClassifierJudgesInputsTest {

    private final ShapeClassifier shapes = new ShapeClassifier(SurfaceVocabulary.get());

    private Set<ValueShape> query(String name, String value) {
        return shapes.classify(InputLocation.QUERY, name, "", "", "", List.of(value));
    }

    @Test
    void callsAnUnusualNameFileLikeByItsValue() {
        assertThat(query("picture", "cat.png")).contains(ValueShape.FILE);
        assertThat(query("x", "docs/terms.txt")).contains(ValueShape.FILE);
        assertThat(query("q", "shoes")).doesNotContain(ValueShape.FILE).contains(ValueShape.FREE_TEXT);
    }

    @Test
    void readsDocumentedFormatsAndDescriptions() {
        assertThat(shapes.classify(InputLocation.QUERY, "src", "string", "uri", "", List.of("1")))
                .contains(ValueShape.URL);
        assertThat(shapes.classify(InputLocation.QUERY, "v", "string", "", "Name of the template to render",
                List.of("a"))).contains(ValueShape.FILE);
        assertThat(shapes.classify(InputLocation.QUERY, "id", "integer", "int64", "", List.of("7")))
                .contains(ValueShape.IDENTIFIER, ValueShape.NUMERIC).doesNotContain(ValueShape.FREE_TEXT);
    }

    @Test
    void knowsRedirectSortAndCallbackSpellings() {
        for (String name : List.of("next", "returnTo", "return_url", "redirect_uri", "continue", "goto", "dest")) {
            assertThat(query(name, "/home")).as(name).contains(ValueShape.REDIRECT);
        }
        assertThat(query("orderBy", "name")).contains(ValueShape.SQL_NAME);
        assertThat(query("dir", "desc")).contains(ValueShape.SQL_NAME);
        assertThat(query("callback", "cb")).contains(ValueShape.CALLBACK);
        assertThat(query("imageUrl", "https://cdn.example/a.png")).contains(ValueShape.URL);
    }

    @Test
    void pathSegmentsAreIdentifiersAndBooleansAreNotText() {
        assertThat(shapes.classify(InputLocation.PATH, "id", "", "", "", List.of("42")))
                .contains(ValueShape.IDENTIFIER, ValueShape.NUMERIC);
        assertThat(shapes.classify(InputLocation.QUERY, "active", "boolean", "", "", List.of("true")))
                .contains(ValueShape.BOOLEAN).doesNotContain(ValueShape.FREE_TEXT);
    }

    @Test
    void splitsNamesIntoWords() {
        assertThat(SurfaceVocabulary.words("imageUrl")).containsExactly("image", "url");
        assertThat(SurfaceVocabulary.words("redirect_uri")).containsExactly("redirect", "uri");
        assertThat(SurfaceVocabulary.words("createDB")).containsExactly("create", "db");
        assertThat(SurfaceVocabulary.squashed("return-To")).isEqualTo("returnto");
    }
}
