package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.model.Untested;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.InputCheck;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds XML parsers that resolve external entities. Active mode only, since it sends bodies: the engine hands it the
 * XML body of every operation documented as taking one, probed only where {@link InjectionWriteScope} admits bodies
 * (the login and search POSTs, which create nothing). The screen sends the example with two internal entities
 * ({@link XmlEntityDocuments#internal}): their joined text in the answer, absent from the request, shows the parser
 * expands entities at all. Only then does confirmation declare an external entity naming a well-known local file
 * ({@code file:///etc/passwd}, {@code file:///c:/windows/win.ini}) and recognise the file by the shapes the
 * path-traversal check uses; the file's shape, absent from the baseline and from the internal-entity answer,
 * confirms it (HIGH, CONFIRMED). No entity ever names a network address. Stateless and thread-safe.
 */
public final class XmlExternalEntityCheck implements InputCheck<XmlExternalEntityCheck.Signal> {

    /** The files an external entity names, by the path-traversal check's ids. */
    private static final List<String> FILES = List.of("passwd", "win-ini");

    /** The path-traversal check's data: the files' shapes and how to describe a read. */
    static final Supplier<TraversalProbes> TRAVERSAL = CheckData.once(TraversalProbes::load);

    static final String REMEDIATION = """
            Turn off DTDs in every XML parser that reads request bodies. Java: \
            `factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)` and \
            `factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true)` (DocumentBuilderFactory, \
            SAXParserFactory, XMLInputFactory with `SUPPORT_DTD` false); Python: `defusedxml` instead of \
            `xml.etree`/`lxml` defaults, or lxml `XMLParser(resolve_entities=False, no_network=True)`; .NET: \
            `DtdProcessing.Prohibit`; PHP: never pass `LIBXML_NOENT`. Prefer JSON where the API allows.""";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("xml-external-entity", Category.INPUT_VALIDATION,
            "XML external entities resolved",
            "In active mode, sends XML bodies with internal entities, then (where they expand) an external entity "
                    + "naming a well-known local file, and reports parsers that paste the file into the answer.",
            Severity.HIGH, List.of(611), 0, Set.of("xxe", "injection"), REMEDIATION);

    /** The screen's answers: the example as documented and the one whose internal entities expanded. */
    record Signal(XmlEntityDocuments documents, Exchange baseline, Exchange expanded, String expandedText) {
    }

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> notApplicable(CheckContext ctx) {
        return ctx.mode() == ScanMode.ACTIVE ? Optional.empty()
                : Optional.of("XML bodies are sent only in --mode active");
    }

    @Override
    public boolean appliesTo(InputPoint p) {
        return p.location() == InputLocation.XML;
    }

    /** The baseline and the internal entities. */
    @Override
    public int screenCost() {
        return 2;
    }

    /** One external entity per file. */
    @Override
    public int confirmCost() {
        return FILES.size();
    }

    @Override
    public Optional<Signal> screen(CheckContext ctx, InputPoint p) throws InterruptedException {
        if (!InjectionWriteScope.admits(ctx, p)) {
            return Optional.empty();
        }
        Optional<XmlEntityDocuments> documents = XmlEntityDocuments.of(p.value());
        if (documents.isEmpty()) {
            ctx.untested(Untested.NO_CHECK, p.operation().display() + " documents no XML example with a text node to "
                    + "place an entity in");
            return Optional.empty();
        }
        Exchange baseline = ctx.probe(p.withValue(p.value()));
        if (!baseline.answered()) {
            return Optional.empty();
        }
        String first = "parapet-" + InjectedInputs.neverMatching().substring(7);
        String second = InjectedInputs.neverMatching().substring(7);
        Exchange expanded = ctx.probe(p.withValue(documents.get().internal(first, second)));
        String joined = first + second;
        return expanded.answered() && expanded.body().contains(joined) && !baseline.body().contains(joined)
                ? Optional.of(new Signal(documents.get(), baseline, expanded, joined)) : Optional.empty();
    }

    @Override
    public List<Finding> confirm(CheckContext ctx, InputPoint p, Signal s) throws InterruptedException {
        List<TraversalProbes.Target> files = TRAVERSAL.get().targets().stream().filter(f -> FILES.contains(f.id()))
                .toList();
        for (TraversalProbes.Target t : files) {
            if (ctx.remainingBudget() <= 0) {
                break;
            }
            String url = t.platform().equals("windows") ? "file:///c:/" + t.path() : "file:///" + t.path();
            Exchange read = ctx.probe(p.withValue(s.documents().external(url)));
            String body = read.answered() ? lines(read.body()) : "";
            if (read.answered() && t.readIn(body, lines(s.baseline().body()))
                    && t.readIn(body, lines(s.expanded().body()))) {
                String evidence = Snippets.join(List.of(
                        "an external entity naming " + url + " -> " + read.status() + ", the answer holds "
                                + t.label() + ": " + Snippets.oneLine(HostFileEvidence.describe(TRAVERSAL.get(), t, body), 90),
                        "internal entities expanded first (" + s.expandedText() + " in the answer)",
                        "the example body -> " + s.baseline().status() + " without " + t.label()));
                return List.of(Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                        .severity(Severity.HIGH).confidence(Confidence.CONFIRMED)
                        .title("XML external entities resolved in the XML body of " + p.operation().display()
                                + " (" + t.label() + " read)")
                        .endpoint(InjectedInputs.endpoint(p)).parameter(p.name()).discriminator(p.location().id())
                        .evidence(evidence).exchange(read).exchange(s.expanded()).exchange(s.baseline())
                        .remediation(REMEDIATION).references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                        .tag(Finding.TAG_CONTAINER_ESCAPE).build());
            }
        }
        return List.of();
    }

    /**
     * The body with each JSON string value starting a line of its own and its escaped newlines undone, so a file a
     * JSON answer quotes ({@code {"number":"root:x:0:0:…\n…"}}) is recognised by the same line-anchored shapes.
     */
    private static String lines(String body) {
        return body.replace("\\n", "\n").replace("\"", "\n");
    }
}
