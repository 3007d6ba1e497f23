package dev.parapet.testkit.bench;

/**
 * Writes {@link GeneratedApi}'s OpenAPI 3.0 document: one path item per operation (each operation its own path, so
 * no two operations share a path item), parameters inline, the two request bodies through
 * one shared schema. Linear in the number of operations.
 */
final class GeneratedApiSpec {

    private static final String INT = "{\"type\":\"integer\"}";
    private static final String OK = "\"responses\":{\"200\":{\"description\":\"ok\",\"content\":{\"application/json\":"
            + "{\"schema\":{\"type\":\"object\"}}}},\"404\":{\"description\":\"no such item\"}}";
    private static final String ID = param("id", "path", true, INT, "The item's id.");
    private static final String BODY = "\"requestBody\":{\"required\":true,\"content\":{\"application/json\":"
            + "{\"schema\":{\"$ref\":\"#/components/schemas/ItemInput\"}}}}";

    private GeneratedApiSpec() {
    }

    static String json(int operations) {
        StringBuilder b = new StringBuilder(operations * 420 + 1024)
                .append("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Generated API\",\"version\":\"1.0.0\",")
                .append("\"description\":\"").append(operations).append(" generated operations\"},\"paths\":{");
        String separator = "";
        for (int k = 0; k < operations; k++) {
            int r = k / GeneratedApi.KINDS;
            b.append(separator);
            separator = ",";
            operation(b, r, k % GeneratedApi.KINDS, GeneratedApi.hasBodies(r));
        }
        return b.append("},\"components\":{\"schemas\":{\"ItemInput\":{\"type\":\"object\",\"required\":[\"name\"],")
                .append("\"properties\":{\"name\":{\"type\":\"string\",\"example\":\"kettle\"},")
                .append("\"count\":{\"type\":\"integer\",\"minimum\":0,\"default\":1},")
                .append("\"colour\":{\"type\":\"string\",\"enum\":[\"red\",\"green\",\"blue\"]},")
                .append("\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}}}}")
                .toString();
    }

    private static void operation(StringBuilder b, int r, int kind, boolean bodies) {
        String res = "/res" + r;
        switch (kind) {
            case 0 -> get(b, res + "/items", "listItems" + r, String.join(",",
                    param("limit", "query", false, "{\"type\":\"integer\",\"minimum\":1,\"maximum\":100,\"default\":20}",
                            "Items per page."),
                    param("sort", "query", false, "{\"type\":\"string\",\"enum\":[\"asc\",\"desc\"],\"default\":\"asc\"}",
                            "Sort order."),
                    param("q", "query", false, "{\"type\":\"string\"}", "Free-text filter on the name.")));
            case 1 -> get(b, res + "/items/{id}", "getItem" + r, String.join(",", ID,
                    param("fields", "query", false, "{\"type\":\"string\",\"default\":\"all\"}",
                            "Comma-separated fields to return.")));
            case 2 -> get(b, res + "/items/{id}/attachment", "getAttachment" + r, String.join(",", ID,
                    param("template", "query", false, "{\"type\":\"string\",\"default\":\"statement.txt\"}",
                            "Name of the template file the attachment is rendered from.")));
            case 3 -> get(b, res + "/search", "search" + r, String.join(",",
                    param("q", "query", true, "{\"type\":\"string\",\"example\":\"kettle\"}", "What to look for."),
                    param("format", "query", false,
                            "{\"type\":\"string\",\"enum\":[\"json\",\"csv\"],\"default\":\"json\"}", "Answer format.")));
            case 4 -> get(b, res + "/items/{id}/preview", "previewItem" + r, String.join(",", ID,
                    param("source", "query", false, "{\"type\":\"string\",\"format\":\"uri\","
                            + "\"default\":\"https://images.example.com/a.png\"}", "URL of the image to preview.")));
            case 5 -> get(b, res + "/stats", "stats" + r, String.join(",",
                    param("from", "query", false, "{\"type\":\"string\",\"format\":\"date\",\"default\":\"2024-01-01\"}",
                            "First day counted."),
                    param("to", "query", false, "{\"type\":\"string\",\"format\":\"date\"}", "Last day counted."),
                    param("currency", "query", false,
                            "{\"type\":\"string\",\"enum\":[\"EUR\",\"USD\"],\"default\":\"EUR\"}", "Currency.")));
            case 6 -> get(b, res + "/items/{id}/history", "itemHistory" + r, String.join(",", ID,
                    param("page", "query", false, "{\"type\":\"integer\",\"minimum\":1,\"default\":1}", "Page."),
                    param("size", "query", false, "{\"type\":\"integer\",\"minimum\":1,\"default\":10}", "Page size.")));
            case 7 -> get(b, res + "/tags/{tag}", "getTag" + r, param("tag", "path", true,
                    "{\"type\":\"string\",\"example\":\"red\"}", "The tag's name."));
            case 8 -> {
                if (bodies) {
                    withBody(b, res + "/orders", "post", "createOrder" + r, "");
                } else {
                    get(b, res + "/count", "countItems" + r, param("since", "query", false,
                            "{\"type\":\"string\",\"format\":\"date-time\"}", "Count items created since."));
                }
            }
            default -> {
                if (bodies) {
                    withBody(b, res + "/orders/{id}", "put", "updateOrder" + r, ID);
                } else {
                    get(b, res + "/items/{id}/owner", "itemOwner" + r, String.join(",", ID,
                            param("lang", "query", false,
                                    "{\"type\":\"string\",\"enum\":[\"en\",\"fr\"],\"default\":\"en\"}", "Language.")));
                }
            }
        }
    }

    private static void get(StringBuilder b, String path, String id, String parameters) {
        b.append('"').append(path).append("\":{\"get\":{\"operationId\":\"").append(id).append("\",\"parameters\":[")
                .append(parameters).append("],").append(OK).append("}}");
    }

    private static void withBody(StringBuilder b, String path, String method, String id, String parameters) {
        b.append('"').append(path).append("\":{\"").append(method).append("\":{\"operationId\":\"").append(id)
                .append("\",\"parameters\":[").append(parameters).append("],").append(BODY).append(',').append(OK)
                .append("}}");
    }

    private static String param(String name, String in, boolean required, String schema, String description) {
        return "{\"name\":\"" + name + "\",\"in\":\"" + in + "\",\"required\":" + required + ",\"description\":\""
                + description + "\",\"schema\":" + schema + "}";
    }
}
