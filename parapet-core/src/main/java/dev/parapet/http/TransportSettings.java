package dev.parapet.http;

import java.time.Duration;

/**
 * Transport limits. {@code connectTimeout} bounds opening the connection; {@code readTimeout} bounds waiting for the
 * response headers; and the whole exchange (connect, headers and body) is cut off after {@code connectTimeout +
 * readTimeout}, so a server that drips its body slowly ends as a timeout. {@code maxBodyBytes} caps both the raw
 * and the decompressed body.
 */
public record TransportSettings(Duration connectTimeout, Duration readTimeout, int maxBodyBytes, boolean insecure,
                               String userAgent) {
}
