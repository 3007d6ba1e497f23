package dev.parapet.mcp;

/**
 * The tools' names, descriptions and JSON input schemas. Every schema forbids undeclared properties, and none
 * declares a header, token or other credential: credentials come only from the server's own configuration.
 */
enum ToolSchemas {
    SCAN_API("scan_api", "Scan an HTTP API from outside (safe mode by default: no state-changing requests) and store"
            + " the result. Returns score, grade, category scores and findings with remediation; the structured"
            + " content is the full JSON report. Only loopback and private targets unless the server allows more.",
            """
            {"type":"object","additionalProperties":false,"required":["url"],"properties":{
              "url":{"type":"string","description":"Base URL of the API, e.g. http://127.0.0.1:8080/api"},
              "spec":{"type":"string","description":"OpenAPI document URL or path (not supported yet: refused)"},
              "context":{"type":"string","enum":["default","financial","medical","public","internal"],
                         "description":"Scoring context: shifts category weights"},
              "tier":{"type":"string","description":"Scan tier (not supported yet: refused)"},
              "mode":{"type":"string","enum":["passive","safe"],"description":"passive or safe (default)"}}}
            """),
    GET_SCAN("get_scan", "A stored scan by id (or a unique prefix of at least 4 characters): summary text and the"
            + " full JSON report.",
            """
            {"type":"object","additionalProperties":false,"required":["scanId"],"properties":{
              "scanId":{"type":"string","description":"Scan id or unique prefix"}}}
            """),
    LIST_SCANS("list_scans", "Stored scans, newest first, optionally only those of a target URL and below it.",
            """
            {"type":"object","additionalProperties":false,"properties":{
              "limit":{"type":"integer","minimum":1,"maximum":200,"description":"At most this many (default 20)"},
              "offset":{"type":"integer","minimum":0,"description":"Skip this many (default 0)"},
              "target":{"type":"string","description":"Only scans of this URL and URLs below it"}}}
            """),
    DIFF_SCANS("diff_scans", "Compare two stored scans: score change, new and resolved findings (matched by"
            + " fingerprint), changed categories.",
            """
            {"type":"object","additionalProperties":false,"required":["a","b"],"properties":{
              "a":{"type":"string","description":"The earlier scan's id or prefix"},
              "b":{"type":"string","description":"The later scan's id or prefix"}}}
            """),
    LIST_CHECKS("list_checks", "The security checks Parapet runs: id, category, default severity, title.",
            """
            {"type":"object","additionalProperties":false,"properties":{}}
            """);

    private final String toolName;
    private final String description;
    private final String inputSchema;

    ToolSchemas(String toolName, String description, String inputSchema) {
        this.toolName = toolName;
        this.description = description;
        this.inputSchema = inputSchema;
    }

    String toolName() {
        return toolName;
    }

    String description() {
        return description;
    }

    String inputSchema() {
        return inputSchema;
    }
}
