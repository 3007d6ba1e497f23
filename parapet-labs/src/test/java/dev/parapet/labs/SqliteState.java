package dev.parapet.labs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The rows of the flask-sqlite lab's database, read straight from its SQLite file with the lab's own Python (the
 * JVM has no SQLite driver), so a test can compare the database before and after a scan without trusting the lab's
 * API to show it. {@code users} (every column but {@code created_at}), {@code orders} and {@code products}, each
 * ordered by id. Immutable.
 *
 * @param users    one JSON object per account
 * @param orders   one JSON object per order
 * @param products one JSON object per product
 */
record SqliteState(JsonNode users, JsonNode orders, JsonNode products) {

    private static final String DUMP = """
            import json, sqlite3, sys
            conn = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
            conn.row_factory = sqlite3.Row
            def rows(sql):
                return [dict(r) for r in conn.execute(sql)]
            print(json.dumps({
                "users": rows("SELECT id, username, email, password_hash, full_name, role, is_admin, avatar_url"
                              " FROM users ORDER BY id"),
                "orders": rows("SELECT * FROM orders ORDER BY id"),
                "products": rows("SELECT * FROM products ORDER BY id"),
            }))
            """;

    static SqliteState read(Path python, Path database) throws IOException, InterruptedException {
        JsonNode all = new ObjectMapper().readTree(Prerequisites.runPython(python, DUMP, database.toString()));
        return new SqliteState(all.get("users"), all.get("orders"), all.get("products"));
    }

    /** The usernames, in id order. */
    java.util.List<String> usernames() {
        java.util.List<String> out = new java.util.ArrayList<>();
        users.forEach(u -> out.add(u.path("username").asText()));
        return out;
    }
}
