package dev.parapet.cli;

/** Text from a target or a stored scan made safe for a terminal: control characters shown as escapes. */
final class Printable {

    private Printable() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0x202E) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
