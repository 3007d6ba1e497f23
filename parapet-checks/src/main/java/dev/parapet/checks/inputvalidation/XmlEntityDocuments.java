package dev.parapet.checks.inputvalidation;

import java.util.Optional;

/**
 * Builds the documents {@link XmlExternalEntityCheck} sends from an operation's example XML body: the example with
 * its first text node replaced by entity references and a DOCTYPE declaring them in front. Only internal entities
 * and {@code file:} URLs are ever declared: no document names a network address. Pure; thread-safe.
 */
final class XmlEntityDocuments {

    private final String root;
    private final String before;
    private final String after;

    private XmlEntityDocuments(String root, String before, String after) {
        this.root = root;
        this.before = before;
        this.after = after;
    }

    /**
     * The documents for {@code example}; empty when it is no XML element with a text node, or already declares a
     * DOCTYPE (its own entities would meet ours).
     */
    static Optional<XmlEntityDocuments> of(String example) {
        String body = example.strip();
        if (body.startsWith("<?xml")) {
            int end = body.indexOf("?>");
            body = end < 0 ? "" : body.substring(end + 2).strip();
        }
        if (!body.startsWith("<") || body.contains("<!DOCTYPE") || body.length() < 4) {
            return Optional.empty();
        }
        int nameEnd = 1;
        while (nameEnd < body.length() && (Character.isLetterOrDigit(body.charAt(nameEnd))
                || "_-.:".indexOf(body.charAt(nameEnd)) >= 0)) {
            nameEnd++;
        }
        String root = body.substring(1, nameEnd);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        for (int gt = body.indexOf('>'); gt >= 0 && gt + 1 < body.length(); gt = body.indexOf('>', gt + 1)) {
            int lt = body.indexOf('<', gt + 1);
            if (lt > gt + 1 && body.startsWith("</", lt) && !body.substring(gt + 1, lt).isBlank()) {
                return Optional.of(new XmlEntityDocuments(root, body.substring(0, gt + 1), body.substring(lt)));
            }
        }
        return Optional.empty();
    }

    /** Two internal entities whose joined text ({@code first + second}) appears nowhere in the document itself. */
    String internal(String first, String second) {
        return document("<!ENTITY ppa \"" + first + "\"><!ENTITY ppb \"" + second + "\">", "&ppa;&ppb;");
    }

    /** An external entity naming {@code fileUrl}, which must be a {@code file:} URL. */
    String external(String fileUrl) {
        if (!fileUrl.startsWith("file:///")) {
            throw new IllegalArgumentException("external entities name local files only: " + fileUrl);
        }
        return document("<!ENTITY ppf SYSTEM \"" + fileUrl + "\">", "&ppf;");
    }

    private String document(String declarations, String reference) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE " + root + " [" + declarations + "]>\n" + before
                + reference + after;
    }
}
