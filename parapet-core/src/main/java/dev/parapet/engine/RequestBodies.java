package dev.parapet.engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small encoders shared by the surface's example requests. Stateless. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** {@code name=value}, form-encoded. */
    static String formPair(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
