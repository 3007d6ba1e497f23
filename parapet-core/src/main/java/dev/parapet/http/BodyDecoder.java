package dev.parapet.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Turns raw body bytes into text: undoes gzip/deflate content coding with an expansion cap (a gzip bomb yields at
 * most {@code cap} bytes, marked truncated), then decodes with the declared charset (UTF-8 by default), replacing
 * malformed input instead of failing. Stateless.
 */
final class BodyDecoder {

    record Decoded(String text, long bytes, boolean truncated) {
    }

    private BodyDecoder() {
    }

    static Decoded decode(byte[] raw, boolean rawTruncated, String contentEncoding, String contentType, int cap) {
        byte[] bytes = raw;
        boolean truncated = rawTruncated;
        String coding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (!coding.isEmpty() && !coding.equals("identity") && raw.length > 0) {
            Inflater inflater = null;
            try {
                InputStream in = null;
                if (coding.equals("gzip") || coding.equals("x-gzip")) {
                    in = new GZIPInputStream(new ByteArrayInputStream(raw));
                } else if (coding.equals("deflate")) {
                    inflater = new Inflater(!hasZlibHeader(raw));
                    in = new InflaterInputStream(new ByteArrayInputStream(raw), inflater);
                }
                if (in != null) {
                    Inflated inflated = readCapped(in, cap);
                    bytes = inflated.bytes();
                    truncated = truncated || inflated.truncated();
                }
            } catch (IOException e) {
                // Undecodable or cut-off compressed data: keep what the raw bytes say; the body is unreliable.
                truncated = true;
            } finally {
                if (inflater != null) {
                    inflater.end(); // a caller-supplied Inflater is not ended by the stream: free its native memory
                }
            }
        }
        return new Decoded(toText(bytes, charsetOf(contentType)), bytes.length, truncated);
    }

    /** Servers send "deflate" both zlib-wrapped (per the RFC) and raw; a valid zlib header tells them apart. */
    private static boolean hasZlibHeader(byte[] raw) {
        return raw.length >= 2 && (raw[0] & 0x0f) == 8 && ((raw[0] & 0xff) << 8 | (raw[1] & 0xff)) % 31 == 0;
    }

    private record Inflated(byte[] bytes, boolean truncated) {
    }

    private static Inflated readCapped(InputStream in, int cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (in) {
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (java.io.EOFException e) {
                    return new Inflated(out.toByteArray(), true);
                }
                if (n < 0) {
                    return new Inflated(out.toByteArray(), false);
                }
                int room = cap - out.size();
                if (n > room) {
                    out.write(buf, 0, room);
                    return new Inflated(out.toByteArray(), true);
                }
                out.write(buf, 0, n);
            }
        }
    }

    static Charset charsetOf(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    String name = p.substring(8).replace("\"", "").trim();
                    try {
                        return Charset.forName(name);
                    } catch (RuntimeException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String toText(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
