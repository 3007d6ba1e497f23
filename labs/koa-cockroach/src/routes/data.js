'use strict';

// GET /data?table=<name>&userId=<id>: a generic "table browser" the admin SPA uses.

const MAX_ROWS = 100;

function rowLimit(raw) {
  const n = Number.parseInt(raw, 10);
  return Number.isInteger(n) && n > 0 ? Math.min(n, MAX_ROWS) : 50;
}

/**
 * Vulnerable: the table name goes straight into the SQL text. The values are parameterised, which
 * made the author believe the query was safe. A first LIMIT 0 query learns the table's columns so
 * that tables without an owner column (reference data) are not filtered by userId - which also
 * means any readable relation, system catalogs included, comes back whole.
 */
function vulnerable(router, { db }) {
  router.get('/data', async (ctx) => {
    const table = ctx.query.table || 'products';
    const userId = ctx.query.userId;
    const limit = rowLimit(ctx.query.limit);

    const probe = await db.query(`SELECT * FROM ${table} LIMIT 0`);
    const ownerScoped = probe.fields.some((field) => field.name === 'user_id');

    const params = [];
    let sql = `SELECT * FROM ${table}`;
    if (userId !== undefined && ownerScoped) {
      params.push(userId);
      sql += ` WHERE user_id = $${params.length}`;
    }
    sql += ` LIMIT ${limit}`;

    const { rows } = await db.query(sql, params);
    ctx.body = { table, count: rows.length, rows };
  });
}

/**
 * Remediated: only allow-listed tables, each with its own fixed column list (no secrets), and the
 * identifier is never taken from input - the allow-list entry supplies the SQL text.
 */
const TABLES = new Map([
  ['products', { sql: 'SELECT product_id, user_id, name, price_cents, stock FROM products', owner: 'user_id' }],
  ['orders', { sql: 'SELECT order_id, product_id, quantity, total_cents, status, created_at FROM orders', owner: 'user_id' }],
]);

function remediated(router, { db }) {
  router.get('/data', async (ctx) => {
    const name = typeof ctx.query.table === 'string' ? ctx.query.table : 'products';
    const table = TABLES.get(name);
    if (!table) ctx.throw(400, `unknown table; allowed: ${[...TABLES.keys()].join(', ')}`);

    const params = [];
    let sql = table.sql;
    if (ctx.query.userId !== undefined) {
      const userId = Number(ctx.query.userId);
      if (!Number.isSafeInteger(userId) || userId < 1) ctx.throw(400, 'userId must be a positive integer');
      params.push(userId);
      sql += ` WHERE ${table.owner} = $1`;
    }
    params.push(rowLimit(ctx.query.limit));
    sql += ` ORDER BY 1 LIMIT $${params.length}`;

    const { rows } = await db.query(sql, params);
    ctx.body = { table: name, count: rows.length, rows };
  });
}

module.exports = { vulnerable, remediated, TABLES };
