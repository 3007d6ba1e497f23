'use strict';

// CockroachDB-style status and admin routes. The operations team pointed their existing CockroachDB
// dashboards at the API, so the service answers the admin UI's /_status/vars and /_admin/v1/* paths
// itself - without the authentication the real admin UI would put in front of them.
// Only registered in vulnerable mode; the remediated app has no such routes.

const BUILD_TAG_FALLBACK = 'v23.1.11';
const STARTED_AT_SECONDS = Math.floor(Date.now() / 1000 - process.uptime());

/** The "tag" label CockroachDB puts on build_timestamp, taken from the server's version banner. */
function buildTag(serverVersion) {
  const crdb = /CockroachDB \S+ (v\d+\.\d+\.\d+\S*)/.exec(serverVersion || '');
  if (crdb) return crdb[1];
  const pg = /PostgreSQL (\d+(?:\.\d+)*)/.exec(serverVersion || '');
  return pg ? `postgresql-${pg[1]}` : BUILD_TAG_FALLBACK;
}

function databaseAddress(databaseUrl) {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || 26257}`;
  } catch {
    return 'unknown';
  }
}

function gauge(lines, name, help, value, labels = '') {
  lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name}${labels} ${value}`);
}

function vulnerable(router, { db, config }) {
  router.get('/_status/vars', (ctx) => {
    const pool = db.pool;
    const sqlAddr = databaseAddress(config.databaseUrl);
    const httpAddr = `127.0.0.1:${ctx.req.socket.localPort}`;
    const memory = process.memoryUsage();
    const lines = [];
    gauge(lines, 'build_timestamp', 'Build information', STARTED_AT_SECONDS,
      `{tag="${buildTag(db.serverVersion)}",go_version="go1.19.13"}`);
    gauge(lines, 'node_id', 'node ID with labels for advertised RPC and HTTP addresses', 1,
      `{advertise_addr="${sqlAddr}",http_addr="${httpAddr}",sql_addr="${sqlAddr}"}`);
    gauge(lines, 'sql_conns', 'Number of open SQL connections', pool.totalCount);
    gauge(lines, 'sql_conns_idle', 'Number of idle SQL connections', pool.idleCount);
    gauge(lines, 'sql_conns_waiting', 'Number of clients waiting for a SQL connection', pool.waitingCount);
    gauge(lines, 'sys_uptime', 'Process uptime', Math.round(process.uptime()));
    gauge(lines, 'sys_rss', 'Current process RSS', memory.rss);
    gauge(lines, 'sys_go_allocbytes', 'Current bytes of memory allocated by the runtime heap', memory.heapUsed);
    ctx.type = 'text/plain; version=0.0.4; charset=utf-8';
    ctx.body = `${lines.join('\n')}\n`;
  });

  router.get('/_admin/v1/databases', async (ctx) => {
    const { rows } = await db.query(
      'SELECT datname FROM pg_catalog.pg_database WHERE NOT datistemplate ORDER BY datname',
    );
    ctx.body = { databases: rows.map((r) => r.datname) };
  });

  router.get('/_admin/v1/users', async (ctx) => {
    const { rows } = await db.query(
      "SELECT rolname FROM pg_catalog.pg_roles WHERE rolname NOT LIKE 'pg\\_%' ORDER BY rolname",
    );
    ctx.body = { users: rows.map((r) => ({ username: r.rolname })) };
  });
}

module.exports = { vulnerable, buildTag };
