package dev.parapet.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.ScanReport;
import dev.parapet.report.JsonReport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's JSON staged in a temporary file (readable by its owner only) on its way into the database, so that
 * storing a large report never holds its whole text in memory: {@link JsonReport#write} streams it out, the findings'
 * JSON is read back one finding at a time, and the database reads the text through {@link #reader()}. Not
 * thread-safe; close it to delete the file.
 */
final class ReportFile implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final long chars;
    private final List<String> findings;

    private ReportFile(Path file, long chars, List<String> findings) {
        this.file = file;
        this.chars = chars;
        this.findings = findings;
    }

    static ReportFile of(ScanReport report) throws IOException {
        Path file = Files.createTempFile("parapet-report-", ".json");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                JsonReport.write(report, out);
            }
            return new ReportFile(file, countChars(file), findings(file));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The length in UTF-16 chars, as JDBC's character streams count it. */
    long chars() {
        return chars;
    }

    /** Each finding's JSON as the report writes it (redacted), in report order. */
    List<String> findings() {
        return findings;
    }

    /** A new reader over the whole text; the caller closes it. */
    Reader reader() throws IOException {
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    private static long countChars(Path file) throws IOException {
        long n = 0;
        char[] buf = new char[8192];
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (int read; (read = r.read(buf)) >= 0; ) {
                n += read;
            }
        }
        return n;
    }

    /** Streams through the document and keeps each element of the top-level {@code findings} array as text. */
    private static List<String> findings(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        JsonFactory factory = JSON.getFactory();
        try (JsonParser p = factory.createParser(file.toFile())) {
            p.setCodec(JSON);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the report is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("findings") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        out.add(p.readValueAsTree().toString());
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
