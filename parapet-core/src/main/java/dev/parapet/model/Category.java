package dev.parapet.model;

import java.util.Locale;

/** The twelve categories every scan is scored on. Ids are stable and appear in every output. */
public enum Category {
    AUTHENTICATION("authentication", "Authentication", "API2:2023"),
    BOLA("bola", "Object-level authorization", "API1:2023"),
    BFLA("bfla", "Function-level authorization", "API5:2023"),
    PROPERTY_AUTHORIZATION("property-authorization", "Property-level authorization", "API3:2023"),
    INPUT_VALIDATION("input-validation", "Input validation & misconfiguration", "API8:2023"),
    RATE_LIMITING("rate-limiting", "Rate limiting & resource consumption", "API4:2023"),
    DATA_EXPOSURE("data-exposure", "Sensitive data exposure", "API3:2023"),
    ENCRYPTION("encryption", "Transport encryption", "API8:2023"),
    SSRF("ssrf", "Server-side request forgery", "API7:2023"),
    INVENTORY("inventory", "Inventory management", "API9:2023"),
    UNSAFE_CONSUMPTION("unsafe-consumption", "Unsafe consumption of APIs", "API10:2023"),
    LLM_SECURITY("llm-security", "LLM & AI security", "");

    private final String id;
    private final String title;
    private final String owaspApi;

    Category(String id, String title, String owaspApi) {
        this.id = id;
        this.title = title;
        this.owaspApi = owaspApi;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The OWASP API Security Top 10 (2023) entry this category maps to, or an empty string. */
    public String owaspApi() {
        return owaspApi;
    }

    public static Category parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Category c : values()) {
            if (c.id.equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category '" + text + "'");
    }
}
