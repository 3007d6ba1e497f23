package dev.parapet.report;

/**
 * Makes text from the target legal in XML 1.0 (JUnit XML, and the XHTML that the PDF renderer parses): control
 * characters become visible escapes as in the terminal formats, and the characters XML cannot carry at all (lone
 * surrogates, U+FFFE, U+FFFF) become U+FFFD. Markup escaping is left to the writer. Stateless.
 */
final class XmlText {

    private XmlText() {
    }

    static String clean(String s) {
        String text = Text.printable(s);
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (sb != null) {
                        sb.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = !Character.isLowSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
            }
            if (!ok && sb == null) {
                sb = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (sb != null) {
                sb.append(ok ? c : '\uFFFD');
            }
        }
        return sb == null ? text : sb.toString();
    }
}
