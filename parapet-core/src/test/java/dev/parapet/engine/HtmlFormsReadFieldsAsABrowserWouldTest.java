package dev.parapet.engine;

import dev.parapet.spi.HtmlForm;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlFormsReadFieldsAsABrowserWouldTest {

    private static final URI PAGE = URI.create("http://127.0.0.1:8080/library/");

    private static List<HtmlForm> forms(String html) {
        return HtmlForms.of(PAGE, HtmlTags.of(html, 1_000_000, 10_000));
    }

    @Test
    void readsActionMethodEncodingAndFieldsWithTheirValues() {
        List<HtmlForm> forms = forms("""
                <!-- <form action="/commented-out"></form> -->
                <FORM Method=get action="search?old=1">
                  <input type="text" name="title" value="">
                  <select name="shelf"><option value="fiction">Fiction</option><option selected>History</option></select>
                  <input type=hidden name=lang value=en>
                  <input type="checkbox" name="available" value="yes" checked><input type="radio" name="r" value="x">
                  <input type="submit" name="go" value="Search"><button name="mode" value="fast">Fast</button>
                </FORM>
                <form method="POST" action="/members/session" enctype="multipart/form-data">
                  <input name="card"><input name="pin" type="password">
                  <textarea name="note">remember <b>me</b></textarea>
                  <script>var s = "<input name='not-a-field'>";</script>
                </form>
                <form><input name="q"></form>""");
        assertThat(forms).hasSize(3);
        HtmlForm search = forms.get(0);
        assertThat(search.method()).isEqualTo("GET");
        assertThat(search.action()).isEqualTo(PAGE.resolve("search?old=1"));
        assertThat(search.fields()).extracting(HtmlForm.Field::name, HtmlForm.Field::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("title", ""), org.assertj.core.groups.Tuple.tuple("shelf", "History"),
                org.assertj.core.groups.Tuple.tuple("lang", "en"), org.assertj.core.groups.Tuple.tuple("available", "yes"),
                org.assertj.core.groups.Tuple.tuple("r", ""), org.assertj.core.groups.Tuple.tuple("mode", "fast"));
        assertThat(HtmlForms.getUrl(search).toString())
                .isEqualTo("http://127.0.0.1:8080/library/search?title=&shelf=History&lang=en&available=yes&r=&mode=fast");
        HtmlForm login = forms.get(1);
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.enctype()).isEqualTo("multipart/form-data");
        assertThat(login.fields()).extracting(HtmlForm.Field::name).containsExactly("card", "pin", "note");
        assertThat(login.fields().get(1).type()).isEqualTo("password");
        assertThat(login.fields().get(2).value()).isEqualTo("remember <b>me</b>");
        assertThat(forms.get(2).action()).isEqualTo(PAGE);
    }

    @Test
    void readsAHostilePageInLinearTime() {
        String hostile = "<form " + "a='".repeat(100_000) + "<input name=".repeat(100_000);
        long t0 = System.nanoTime();
        forms(hostile);
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
    }
}
