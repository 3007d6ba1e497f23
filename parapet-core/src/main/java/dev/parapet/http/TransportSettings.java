package dev.parapet.http;

import java.time.Duration;

/**
 * Transport limits. {@code readTimeout} bounds the whole exchange after connecting (headers and body), so a server
 * that drips its body slowly is cut off. {@code maxBodyBytes} caps both the raw and the decompressed body.
 */
public record TransportSettings(Duration connectTimeout, Duration readTimeout, int maxBodyBytes, boolean insecure,
                               String userAgent) {
}
