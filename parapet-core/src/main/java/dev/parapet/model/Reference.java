package dev.parapet.model;

/** A pointer to a standard a finding relates to, for example {@code OWASP API2:2023} or {@code CWE-319}. */
public record Reference(Kind kind, String id, String url) {

    public enum Kind { OWASP_API, CWE, OTHER }

    public static Reference cwe(int number) {
        return new Reference(Kind.CWE, "CWE-" + number, "https://cwe.mitre.org/data/definitions/" + number + ".html");
    }

    public static Reference owaspApi(String id) {
        return new Reference(Kind.OWASP_API, "OWASP " + id, "https://owasp.org/API-Security/editions/2023/en/0xa"
                + owaspSlug(id));
    }

    private static String owaspSlug(String id) {
        // "API8:2023" -> "8-security-misconfiguration/" is not derivable without a table; link the top-10 index page.
        String n = id.replaceAll("^API(\\d+):.*$", "$1");
        return switch (n) {
            case "1" -> "1-broken-object-level-authorization/";
            case "2" -> "2-broken-authentication/";
            case "3" -> "3-broken-object-property-level-authorization/";
            case "4" -> "4-unrestricted-resource-consumption/";
            case "5" -> "5-broken-function-level-authorization/";
            case "6" -> "6-unrestricted-access-to-sensitive-business-flows/";
            case "7" -> "7-server-side-request-forgery/";
            case "8" -> "8-security-misconfiguration/";
            case "9" -> "9-improper-inventory-management/";
            default -> "a-unsafe-consumption-of-apis/";
        };
    }

    public static Reference other(String id, String url) {
        return new Reference(Kind.OTHER, id, url);
    }
}
