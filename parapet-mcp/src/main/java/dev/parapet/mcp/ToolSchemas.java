package dev.parapet.mcp;

/**
 * The tools' names, descriptions, JSON input and output schemas and behaviour hints. Every input schema forbids
 * undeclared properties, and none declares a header, token or other credential: credentials come only from the
 * server's own configuration. Every output schema describes the tool's structured content exactly (the SDK checks
 * each answer against it).
 *
 * <p>The hints are truthful: {@code scan_api} sends requests to a system outside the server (open world) and adds
 * a scan to the store each time (neither read-only nor idempotent), but never deletes or overwrites anything
 * (not destructive; safe and passive modes send no state-changing requests). Every other tool only reads the store
 * or the check catalogue.
 */
enum ToolSchemas {
    SCAN_API("scan_api", "Scan an HTTP API from outside (safe mode by default: no state-changing requests) and store"
            + " the result. Returns the verdict (GRADED, or NOT GRADED with the reason), grade, score, counts by"
            + " severity, the most severe findings with their ids, and coverage; get_finding gives one finding in"
            + " full, get_report or the resource parapet://scans/{scanId}/report.json the whole report. Only loopback"
            + " and private targets unless the server allows more. Sends progress notifications when the request"
            + " carries a progressToken.",
            """
            {"type":"object","additionalProperties":false,"required":["url"],"properties":{
              "url":{"type":"string","description":"Base URL of the API, e.g. http://127.0.0.1:8080/api"},
              "spec":{"type":"string","description":"OpenAPI/Swagger document: a file under the server's working\
             directory (relative or absolute), or an http(s) URL on a host the server may scan"},
              "context":{"type":"string","enum":["default","financial","medical","public","internal"],
                         "description":"Scoring context: shifts category weights"},
              "tier":{"type":"string","enum":["quick","standard","deep"],
                      "description":"How many probes tiered checks (LLM prompt injection) send: about 4, 10 or 18\
             (default standard)"},
              "mode":{"type":"string","enum":["passive","safe"],"description":"passive or safe (default)"}}}
            """, Schemas.SCAN_SUMMARY, Hints.SCAN),
    GET_SCAN("get_scan", "A stored scan by id (or a unique prefix of at least 4 characters): the same summary as"
            + " scan_api (verdict, grade, counts, top findings, coverage).",
            """
            {"type":"object","additionalProperties":false,"required":["scanId"],"properties":{
              "scanId":{"type":"string","description":"Scan id or unique prefix"}}}
            """, Schemas.SCAN_SUMMARY, Hints.READ),
    GET_FINDING("get_finding", "One finding of a stored scan in full: evidence, the request that reproduces it as"
            + " curl, remediation as plain text, references and the proving exchanges.",
            """
            {"type":"object","additionalProperties":false,"required":["scanId","findingId"],"properties":{
              "scanId":{"type":"string","description":"Scan id or unique prefix"},
              "findingId":{"type":"string","description":"The finding's id as listed by scan_api or get_scan\
             (a unique prefix of 6 or more characters will do)"}}}
            """, Schemas.FINDING, Hints.READ),
    GET_REPORT("get_report", "A stored scan's whole report as json, markdown or sarif, at most maxChars characters"
            + " from offset (page with nextOffset). The same reports are resources:"
            + " parapet://scans/{scanId}/report.json, report.md, report.sarif.",
            """
            {"type":"object","additionalProperties":false,"required":["scanId"],"properties":{
              "scanId":{"type":"string","description":"Scan id or unique prefix"},
              "format":{"type":"string","enum":["json","markdown","sarif"],"description":"Default json"},
              "offset":{"type":"integer","minimum":0,"description":"Start at this character (default 0)"},
              "maxChars":{"type":"integer","minimum":1000,"maximum":200000,
                          "description":"At most this many characters (default 50000)"}}}
            """, Schemas.REPORT, Hints.READ),
    LIST_SCANS("list_scans", "Stored scans, newest first, with each one's verdict, grade and counts; optionally only"
            + " those of a target URL and below it.",
            """
            {"type":"object","additionalProperties":false,"properties":{
              "limit":{"type":"integer","minimum":1,"maximum":200,"description":"At most this many (default 20)"},
              "offset":{"type":"integer","minimum":0,"description":"Skip this many (default 0)"},
              "target":{"type":"string","description":"Only scans of this URL and URLs below it"}}}
            """, Schemas.HISTORY, Hints.READ),
    DIFF_SCANS("diff_scans", "Compare two stored scans: score change, new and resolved findings (matched by"
            + " fingerprint), changed categories.",
            """
            {"type":"object","additionalProperties":false,"required":["a","b"],"properties":{
              "a":{"type":"string","description":"The earlier scan's id or prefix"},
              "b":{"type":"string","description":"The later scan's id or prefix"}}}
            """, Schemas.DIFF, Hints.READ),
    LIST_CHECKS("list_checks", "The security checks Parapet runs: id, category, default severity, title.",
            """
            {"type":"object","additionalProperties":false,"properties":{}}
            """, Schemas.CHECKS, Hints.READ);

    /** A tool's behaviour hints (MCP tool annotations). */
    record Hints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
        static final Hints SCAN = new Hints(false, false, false, true);
        static final Hints READ = new Hints(true, false, true, false);
    }

    private final String toolName;
    private final String description;
    private final String inputSchema;
    private final String outputSchema;
    private final Hints hints;

    ToolSchemas(String toolName, String description, String inputSchema, String outputSchema, Hints hints) {
        this.toolName = toolName;
        this.description = description;
        this.inputSchema = inputSchema;
        this.outputSchema = outputSchema;
        this.hints = hints;
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

    String outputSchema() {
        return outputSchema;
    }

    Hints hints() {
        return hints;
    }

    /** The output schemas, one per shape of structured content. */
    private static final class Schemas {
        static final String NULLABLE_STRING = "{\"type\":[\"string\",\"null\"]}";
        static final String NULLABLE_INTEGER = "{\"type\":[\"integer\",\"null\"]}";
        static final String COUNTS = """
                {"type":"object","required":["critical","high","medium","low","info"],"properties":{
                  "critical":{"type":"integer"},"high":{"type":"integer"},"medium":{"type":"integer"},
                  "low":{"type":"integer"},"info":{"type":"integer"}}}""";
        static final String VERDICT = """
                {"type":"object","required":["state","reason","line"],"properties":{
                  "state":{"type":"string","enum":["graded","not-graded"]},
                  "reason":%s,"line":{"type":"string"}}}""".formatted(NULLABLE_STRING);

        static final String SCAN_SUMMARY = """
                {"type":"object","required":["scanId","target","mode","startedAt","verdict","grade","score",
                  "provisionalScore","counts","findings","topFindings","coverage","reports"],"properties":{
                  "scanId":{"type":"string"},"target":{"type":"string"},"mode":{"type":"string"},
                  "startedAt":{"type":"string"},"verdict":%s,
                  "grade":{"type":["string","null"],"description":"A-F; null when the scan was not graded"},
                  "score":{"type":["integer","null"],"description":"0-100; null when not graded"},
                  "provisionalScore":{"type":["integer","null"],"description":"The score of an ungraded scan"},
                  "counts":%s,"findings":{"type":"integer","description":"Findings in all"},
                  "topFindings":{"type":"array","items":{"type":"object",
                    "required":["id","severity","checkId","title","endpoint","fix"],"properties":{
                    "id":{"type":"string","description":"Finding id for get_finding"},"severity":{"type":"string"},
                    "checkId":{"type":"string"},"title":{"type":"string"},"endpoint":{"type":"string"},
                    "fix":{"type":"string","description":"The remediation's first sentence"}}}},
                  "coverage":{"type":"string"},
                  "reports":{"type":"object","required":["json","markdown","sarif"],"properties":{
                    "json":{"type":"string"},"markdown":{"type":"string"},"sarif":{"type":"string"}}}}}
                """.formatted(VERDICT, COUNTS);

        static final String FINDING = """
                {"type":"object","required":["scanId","id","checkId","category","severity","confidence","title",
                  "endpoint","parameter","evidence","curl","remediation","references","tags","exchanges"],
                  "properties":{
                  "scanId":{"type":"string"},"id":{"type":"string"},"checkId":{"type":"string"},
                  "category":{"type":"string"},"severity":{"type":"string"},"confidence":{"type":"string"},
                  "title":{"type":"string"},"endpoint":{"type":"string"},"parameter":{"type":"string"},
                  "evidence":{"type":"string"},"curl":{"type":"string"},
                  "remediation":{"type":"string","description":"Plain text"},
                  "references":{"type":"array","items":{"type":"object","required":["id","url"],"properties":{
                    "id":{"type":"string"},"url":{"type":"string"}}}},
                  "tags":{"type":"array","items":{"type":"string"}},
                  "exchanges":{"type":"array","items":{"type":"string"}}}}
                """;

        static final String REPORT = """
                {"type":"object","required":["scanId","format","uri","totalChars","offset","returnedChars",
                  "nextOffset"],"properties":{
                  "scanId":{"type":"string"},"format":{"type":"string","enum":["json","markdown","sarif"]},
                  "uri":{"type":"string","description":"The same report as a resource"},
                  "totalChars":{"type":"integer"},"offset":{"type":"integer"},"returnedChars":{"type":"integer"},
                  "nextOffset":{"type":["integer","null"],"description":"Where the next page starts; null at the end"}}}
                """;

        static final String HISTORY = """
                {"type":"object","required":["scans"],"properties":{"scans":{"type":"array","items":{
                  "type":"object","required":["id","startedAt","target","mode","verdict","grade","score","complete",
                  "findings"],"properties":{
                  "id":{"type":"string"},"startedAt":{"type":"string"},"target":{"type":"string"},
                  "mode":{"type":"string"},"verdict":%s,"grade":%s,"score":%s,"complete":{"type":"boolean"},
                  "findings":%s}}}}}
                """.formatted(VERDICT, NULLABLE_STRING, NULLABLE_INTEGER, COUNTS);

        static final String DIFF_FINDING = """
                {"type":"object","required":["checkId","severity","title","endpoint","fingerprint"],"properties":{
                  "checkId":{"type":"string"},"severity":{"type":"string"},"title":{"type":"string"},
                  "endpoint":{"type":"string"},"fingerprint":{"type":"string"}}}""";
        static final String DIFF_SIDE = """
                {"type":"object","required":["verdict","scanId","target","startedAt","score","grade"],"properties":{
                  "verdict":%s,"scanId":{"type":"string"},"target":{"type":"string"},"startedAt":{"type":"string"},
                  "score":%s,"grade":%s}}""".formatted(VERDICT, NULLABLE_INTEGER, NULLABLE_STRING);
        static final String DIFF = """
                {"type":"object","required":["from","to","scoreDelta","added","resolved","unchanged","categories"],
                  "properties":{"from":%s,"to":%s,"scoreDelta":%s,
                  "added":{"type":"array","items":%s},"resolved":{"type":"array","items":%s},
                  "unchanged":{"type":"integer"},
                  "categories":{"type":"array","items":{"type":"object",
                    "required":["category","fromScore","toScore","added","resolved"],"properties":{
                    "category":{"type":"string"},"fromScore":%s,"toScore":%s,
                    "added":{"type":"integer"},"resolved":{"type":"integer"}}}}}}
                """.formatted(DIFF_SIDE, DIFF_SIDE, NULLABLE_INTEGER, DIFF_FINDING, DIFF_FINDING, NULLABLE_INTEGER,
                NULLABLE_INTEGER);

        static final String CHECKS = """
                {"type":"object","required":["checks"],"properties":{"checks":{"type":"array","items":{
                  "type":"object","required":["id","category","title","summary","defaultSeverity","cwe"],
                  "properties":{"id":{"type":"string"},"category":{"type":"string"},"title":{"type":"string"},
                  "summary":{"type":"string"},"defaultSeverity":{"type":"string"},
                  "cwe":{"type":"array","items":{"type":"integer"}}}}}}}
                """;

        private Schemas() {
        }
    }
}
