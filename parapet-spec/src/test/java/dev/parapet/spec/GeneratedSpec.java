package dev.parapet.spec;

/** OpenAPI documents of any size, for robustness tests and the ingestion benchmark. */
final class GeneratedSpec {

    private GeneratedSpec() {
    }

    /** {@code resources} resources with a GET and a PUT each: {@code 2 * resources} operations. */
    static String json(int resources) {
        StringBuilder b = new StringBuilder("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Generated\",\"version\":\"1\"},"
                + "\"servers\":[{\"url\":\"https://api.example.com/v1\"}],\"paths\":{");
        for (int i = 0; i < resources; i++) {
            b.append(i == 0 ? "" : ",").append("\"/r").append(i).append("/{id}\":{\"parameters\":[{\"name\":\"id\","
                    + "\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"integer\"}}],")
                    .append("\"get\":{\"operationId\":\"get").append(i).append("\",\"responses\":{\"200\":{")
                    .append("\"description\":\"ok\",\"content\":{\"application/json\":{\"schema\":")
                    .append("{\"$ref\":\"#/components/schemas/M").append(i).append("\"}}}}}},")
                    .append("\"put\":{\"requestBody\":{\"content\":{\"application/json\":{\"schema\":")
                    .append("{\"$ref\":\"#/components/schemas/M").append(i).append("\"}}}},")
                    .append("\"responses\":{\"204\":{\"description\":\"done\"}}}}");
        }
        b.append("},\"components\":{\"schemas\":{");
        for (int i = 0; i < resources; i++) {
            b.append(i == 0 ? "" : ",").append("\"M").append(i).append("\":{\"type\":\"object\",\"properties\":{")
                    .append("\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},")
                    .append("\"child\":{\"$ref\":\"#/components/schemas/M").append((i + 1) % resources).append("\"}}}");
        }
        return b.append("}}}").toString();
    }

    /**
     * {@link #json} of {@code resources} resources whose schemas carry descriptions long enough to make the document
     * at least {@code bytes} long, as specs with generous prose and examples are.
     */
    static String padded(int resources, int bytes) {
        int each = Math.max(0, bytes / resources);
        String prose = "Long description of a model, as generated documentation writes them. ".repeat(each / 70 + 1);
        return json(resources).replace("\"type\":\"object\",\"properties\"",
                "\"type\":\"object\",\"description\":\"" + prose + "\",\"properties\"");
    }
}
