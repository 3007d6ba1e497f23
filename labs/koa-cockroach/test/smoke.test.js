'use strict';

// Smoke tests for lab developers: start the app in-process in each mode against DATABASE_URL and
// check that every planted weakness is present in vulnerable mode and gone in remediated mode.
// Run: DATABASE_URL=postgres://user:pass@127.0.0.1:5432/lab node --test test/
// (The Java integration harness is the CI gate; these tests keep the lab honest while editing it.)

const http = require('node:http');
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { buildApp, configFromEnv } = require('../src/app');
const { createPool, createDb, connect, migrate } = require('../src/db');

const DATABASE_URL = process.env.DATABASE_URL;
const skip = DATABASE_URL
  ? false
  : 'DATABASE_URL is not set: point it at a scratch PostgreSQL (or CockroachDB) to run the lab smoke tests';
const TOKEN = 'smoke-test-token';
const TRAVERSAL = '../../../../../../../../..';

async function listen(handler) {
  const server = http.createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function close(server) {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** Starts the lab in-process on a free loopback port; returns its base URL and what it logged. */
async function startLab(mode, env = {}) {
  const config = configFromEnv({ DATABASE_URL, LAB_MODE: mode, LAB_API_TOKEN: TOKEN, ...env });
  const pool = createPool({ connectionString: DATABASE_URL, mode, env: {} });
  const db = await connect(createDb(pool));
  await migrate(db);
  const logged = [];
  const app = buildApp(config, db, { error: (line) => logged.push(line) });
  app.silent = true;
  const server = await listen(app.callback());
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    logged,
    async stop() {
      await close(server);
      await pool.end();
    },
  };
}

/** A loopback canary standing in for an internal service; counts the requests it receives. */
async function startCanary() {
  const canary = { hits: 0, marker: `canary-${process.pid}-${Date.now()}` };
  canary.server = await listen((req, res) => {
    canary.hits += 1;
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(`internal service ${canary.marker}\n`);
  });
  canary.url = `http://127.0.0.1:${canary.server.address().port}/internal`;
  return canary;
}

async function get(lab, path, headers = {}) {
  const res = await fetch(`${lab.base}${path}`, { headers });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

describe('vulnerable lab', { skip }, () => {
  let lab;
  let canary;
  before(async () => {
    lab = await startLab('vulnerable');
    canary = await startCanary();
  });
  after(async () => {
    await lab?.stop();
    if (canary) await close(canary.server);
  });

  it('answers the readiness probe and links its main routes from the root', async () => {
    assert.deepEqual((await get(lab, '/healthz')).json, { ok: true });
    const { links } = (await get(lab, '/')).json;
    assert.equal(links.data, '/data?table=products&userId=1');
    assert.match(links.avatar, /^\/avatar\?url=http:\/\/127\.0\.0\.1:\d+\/static\/logo\.png$/);
    assert.ok(!Object.values(links).some((l) => l.startsWith('/debug') || l.startsWith('/_')));
    assert.equal((await get(lab, '/static/logo.png')).headers.get('content-type'), 'image/png');
  });

  it('reads system catalogs through the table parameter', async () => {
    const tables = await get(lab, '/data?table=pg_catalog.pg_tables&userId=1&limit=100');
    assert.equal(tables.status, 200);
    assert.ok(tables.json.rows.some((r) => r.tablename === 'users'));
    const info = await get(lab, '/data?table=information_schema.tables&userId=1');
    assert.ok(info.json.rows.some((r) => 'table_schema' in r));
    const missing = await get(lab, '/data?table=parapet_missing_relation');
    assert.equal(missing.status, 500);
    assert.equal(missing.json.code, '42P01');
    assert.match(missing.json.error, /relation "parapet_missing_relation" does not exist/);
  });

  it('puts the sort parameter into ORDER BY', async () => {
    const bad = await get(lab, '/products?sort=nosuchcolumn&order=asc');
    assert.equal(bad.status, 500);
    assert.equal(bad.json.code, '42703');
    assert.match(bad.json.query, /ORDER BY nosuchcolumn asc/);
    const desc = await get(lab, '/products?sort=price_cents&order=desc');
    const asc = await get(lab, '/products?sort=price_cents&order=asc');
    assert.notEqual(desc.json.products[0].id, asc.json.products[0].id);
  });

  it('pastes the search text into the ILIKE pattern', async () => {
    const quote = await get(lab, '/products/search?q=%27');
    assert.equal(quote.status, 500);
    assert.equal(quote.json.code, '42601');
    assert.match(quote.json.error, /unterminated quoted string at or near/);
    assert.match(quote.json.query, /ILIKE '%'%' ORDER BY/);
    const when = (condition) => `/products/search?q=${encodeURIComponent(`grinder%' AND ${condition}`)}`;
    assert.equal((await get(lab, when("'1%'='1"))).json.count, 1);
    assert.equal((await get(lab, when("'1%'='2"))).json.count, 0);
  });

  it('fetches any feed URL for the product import', async () => {
    const { auth } = await login(lab, 'alice', 'alice-lab-password');
    const before = canary.hits;
    const res = await fetch(`${lab.base}/products/import`, {
      method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ feedUrl: canary.url }),
    });
    assert.equal(res.status, 422);
    assert.match((await res.json()).error, /^feed is not JSON/);
    assert.equal(canary.hits, before + 1);
  });

  it('returns database errors verbatim with SQL text, driver and server', async () => {
    const res = await get(lab, '/data?table=users&userId=abc');
    assert.equal(res.status, 500);
    assert.equal(res.json.code, '22P02');
    assert.ok(res.json.routine);
    assert.equal(res.json.query, 'SELECT * FROM users WHERE user_id = $1 LIMIT 50');
    assert.match(res.json.driver, /^node-postgres \d+\./);
    assert.match(res.json.server, /PostgreSQL|CockroachDB/);
  });

  it('dumps the environment with the database password', async () => {
    const res = await get(lab, '/debug/env');
    assert.equal(res.status, 200);
    assert.equal(res.json.env.DATABASE_URL, DATABASE_URL);
  });

  it('serves CockroachDB-style status and admin routes without authentication', async () => {
    const vars = await get(lab, '/_status/vars');
    assert.match(vars.headers.get('content-type'), /^text\/plain/);
    assert.match(vars.text, /^sql_conns \d+$/m);
    assert.match(vars.text, /^sys_uptime \d+$/m);
    assert.match(vars.text, /^build_timestamp\{tag="[^"]+"/m);
    assert.match(vars.text, /^node_id\{advertise_addr="[^"]+"/m);
    const database = new URL(DATABASE_URL).pathname.slice(1);
    assert.ok((await get(lab, '/_admin/v1/databases')).json.databases.includes(database));
    assert.ok((await get(lab, '/_admin/v1/users')).json.users.length > 0);
  });

  it('reads files outside the documents folder', async () => {
    assert.match((await get(lab, '/files?name=readme.txt')).text, /public documents/);
    const environ = await get(lab, `/files?name=${TRAVERSAL}/proc/self/environ`);
    assert.ok(environ.text.split('\0').includes(`DATABASE_URL=${DATABASE_URL}`));
    assert.match((await get(lab, `/files?name=${TRAVERSAL}/proc/self/cgroup`)).text, /^\d+:[^:\n]*:\//m);
    assert.match((await get(lab, `/files?name=${TRAVERSAL}/etc/passwd`)).text, /^root:x:0:0:/m);
  });

  it('fetches internal addresses for the avatar route', async () => {
    const res = await get(lab, `/avatar?url=${encodeURIComponent(canary.url)}`);
    assert.equal(res.status, 200);
    assert.match(res.text, new RegExp(canary.marker));
    const self = await get(lab, `/avatar?url=${encodeURIComponent(`${lab.base}/_status/vars`)}`);
    assert.match(self.text, /^sql_conns \d+$/m);
  });

  it('reflects any origin with credentials', async () => {
    const res = await get(lab, '/users', { Origin: 'https://attacker.example' });
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://attacker.example');
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
  });

  it('returns the stack trace of an unhandled error', async () => {
    const res = await get(lab, '/products/abc');
    assert.equal(res.status, 500);
    assert.equal(res.json.name, 'TypeError');
    assert.match(res.json.stack, /^TypeError: Cannot read properties of undefined[^\n]*\n\s+at /);
    assert.match(res.json.stack, /src\/routes\/products\.js:\d+:\d+/);
  });

  it('lists users with PII and password hashes to anyone', async () => {
    const res = await get(lab, '/users');
    assert.equal(res.status, 200);
    const alice = res.json.users.find((u) => u.user_id === 1);
    assert.match(alice.password_hash, /^\$2b\$12\$[./A-Za-z0-9]{53}$/);
    assert.equal(alice.email, 'alice.martin@example.com');
    assert.match(alice.phone, /^\+1-202-555-01\d\d$/);
  });
});

describe('remediated lab', { skip }, () => {
  let lab;
  let canary;
  before(async () => {
    lab = await startLab('remediated', {
      AVATAR_ALLOWED_HOSTS: 'localhost', SUPPLIER_FEED_HOSTS: 'localhost', CORS_ORIGIN: 'https://shop.example.com',
    });
    canary = await startCanary();
  });
  after(async () => {
    await lab?.stop();
    if (canary) await close(canary.server);
  });

  it('keeps the same index, readiness probe and hardened headers', async () => {
    const health = await get(lab, '/healthz');
    assert.deepEqual(health.json, { ok: true });
    assert.equal(health.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(health.headers.get('cache-control'), 'no-store');
    assert.equal(health.headers.get('x-powered-by'), null);
    assert.equal((await get(lab, '/')).json.links.users, '/users');
  });

  it('accepts only allow-listed tables', async () => {
    const ok = await get(lab, '/data?table=products&userId=1');
    assert.equal(ok.status, 200);
    assert.ok(ok.json.rows.length > 0);
    for (const table of ['pg_catalog.pg_tables', 'information_schema.tables', 'users', 'parapet_missing_relation']) {
      const res = await get(lab, `/data?table=${table}&userId=1`);
      assert.equal(res.status, 400, table);
      assert.doesNotMatch(res.text, /relation|SELECT|pg_tables/);
    }
    assert.equal((await get(lab, '/data?table=orders&userId=abc')).status, 400);
  });

  it('accepts only allow-listed sort columns and directions', async () => {
    assert.equal((await get(lab, '/products?sort=price_cents&order=desc')).status, 200);
    for (const query of ['sort=nosuchcolumn', 'sort=(SELECT 1)', 'sort=name&order=asc;']) {
      const res = await get(lab, `/products?${query}`);
      assert.equal(res.status, 400, query);
      assert.doesNotMatch(res.text, /ORDER BY|column/);
    }
  });

  it('binds the search text as a parameter', async () => {
    const quote = await get(lab, '/products/search?q=%27');
    assert.equal(quote.status, 200);
    assert.equal(quote.json.count, 0);
    assert.equal((await get(lab, '/products/search?q=grinder')).json.count, 1);
    assert.equal((await get(lab, `/products/search?q=${encodeURIComponent("grinder%' AND '1%'='1")}`)).json.count, 0);
    assert.equal((await get(lab, '/products/search?q=%25')).json.count, 0, 'a % in the text is not a wildcard');
  });

  it('never fetches feeds from internal or unlisted hosts', async () => {
    const { auth } = await login(lab, 'alice', 'alice-lab-password');
    const https = canary.url.replace('http://127.0.0.1', 'https://localhost');
    for (const feedUrl of [canary.url, https, 'http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd']) {
      const res = await fetch(`${lab.base}/products/import`, {
        method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ feedUrl }),
      });
      assert.equal(res.status, 400, feedUrl);
    }
    assert.equal(canary.hits, 0);
  });

  it('answers failures with a generic error and a request id, details in the log only', async () => {
    const failing = {
      pool: null,
      serverVersion: 'PostgreSQL 15',
      async query() {
        throw Object.assign(new Error('relation "secret_table" does not exist'), { code: '42P01', query: 'SELECT 1' });
      },
    };
    const logged = [];
    const app = buildApp(configFromEnv({ DATABASE_URL, LAB_MODE: 'remediated' }), failing, { error: (l) => logged.push(l) });
    const server = await listen(app.callback());
    try {
      const res = await get({ base: `http://127.0.0.1:${server.address().port}` }, '/products');
      assert.equal(res.status, 500);
      assert.deepEqual(Object.keys(res.json).sort(), ['error', 'requestId']);
      assert.equal(res.json.error, 'internal error');
      assert.equal(res.headers.get('x-request-id'), res.json.requestId);
      assert.match(logged.join('\n'), /secret_table/);
      assert.match(logged.join('\n'), new RegExp(res.json.requestId));
    } finally {
      await close(server);
    }
  });

  it('has no debug, status or admin routes', async () => {
    for (const path of ['/debug/env', '/_status/vars', '/_admin/v1/databases', '/_admin/v1/users']) {
      const res = await get(lab, path);
      assert.equal(res.status, 404, path);
      assert.deepEqual(res.json, { error: 'not found' });
    }
  });

  it('serves only allow-listed documents', async () => {
    assert.match((await get(lab, '/files?name=terms.txt')).text, /Terms of sale/);
    for (const name of [`${TRAVERSAL}/proc/self/environ`, `${TRAVERSAL}/etc/passwd`, '/etc/passwd', '../package.json']) {
      const res = await get(lab, `/files?name=${encodeURIComponent(name)}`);
      assert.equal(res.status, 404, name);
      assert.doesNotMatch(res.text, /root:x:0:0|DATABASE_URL/);
    }
  });

  it('never fetches internal addresses', async () => {
    const https = canary.url.replace('http://127.0.0.1', 'https://localhost');
    for (const url of [canary.url, https, 'http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd']) {
      const res = await get(lab, `/avatar?url=${encodeURIComponent(url)}`);
      assert.equal(res.status, 400, url);
    }
    assert.equal(canary.hits, 0);
  });

  it('grants CORS to the configured origin only', async () => {
    const attacker = await get(lab, '/healthz', { Origin: 'https://attacker.example' });
    assert.equal(attacker.headers.get('access-control-allow-origin'), null);
    assert.equal(attacker.headers.get('access-control-allow-credentials'), null);
    const shop = await get(lab, '/healthz', { Origin: 'https://shop.example.com' });
    assert.equal(shop.headers.get('access-control-allow-origin'), 'https://shop.example.com');
  });

  it('answers a bad product id with a plain 404 and no stack', async () => {
    const res = await get(lab, '/products/abc');
    assert.equal(res.status, 404);
    assert.doesNotMatch(res.text, /stack|TypeError|\.js:\d+/);
  });

  it('requires a bearer token for the user listing and hides secrets', async () => {
    const anonymous = await get(lab, '/users');
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate'), /^Bearer/);
    assert.doesNotMatch(anonymous.text, /@example\.com/);
    assert.equal((await get(lab, '/users', { Authorization: 'Bearer wrong-token' })).status, 401);
    const res = await get(lab, '/users', { Authorization: `Bearer ${TOKEN}` });
    assert.equal(res.status, 200);
    assert.doesNotMatch(res.text, /password|\$2b\$|555-01|phone/);
    assert.ok(res.json.users.every((u) => /^.\*\*\*@/.test(u.email)));
  });
});

/** Logs in through POST /login and returns the bearer header for the account. */
async function login(lab, username, password) {
  const res = await fetch(`${lab.base}/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  assert.equal(res.status, 200, `login of ${username}`);
  const { token } = await res.json();
  return { token, auth: { Authorization: `Bearer ${token}` } };
}

async function patchMe(lab, auth, body) {
  const res = await fetch(`${lab.base}/me`, {
    method: 'PATCH', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

function claimsOf(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

for (const mode of ['vulnerable', 'remediated']) {
  const vulnerable = mode === 'vulnerable';
  describe(`${mode} lab: logins and per-user orders`, { skip }, () => {
    let lab;
    let alice;
    let bob;
    before(async () => {
      lab = await startLab(mode);
      alice = await login(lab, 'alice', 'alice-lab-password');
      bob = await login(lab, 'bob', 'bob-lab-password');
    });
    after(async () => lab?.stop());

    it('refuses wrong passwords and anonymous order reads', async () => {
      const res = await fetch(`${lab.base}/login`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'alice', password: 'wrong' }),
      });
      assert.equal(res.status, 401);
      assert.equal((await get(lab, '/orders')).status, 401);
      assert.equal((await get(lab, '/orders/1007')).status, 401);
    });

    it(vulnerable ? 'signs tokens with the weak secret and no expiry' : 'signs tokens that expire in 15 minutes',
      async () => {
        const { verify, WEAK_SECRET } = require('../src/auth');
        const claims = claimsOf(alice.token);
        assert.equal(claims.username, 'alice');
        if (vulnerable) {
          assert.equal(claims.exp, undefined);
          assert.ok(verify(alice.token, WEAK_SECRET));
        } else {
          assert.equal(claims.exp - claims.iat, 900);
          assert.equal(verify(alice.token, WEAK_SECRET), null);
        }
      });

    it('lists only the caller\'s own orders', async () => {
      const mine = await get(lab, '/orders', alice.auth);
      assert.deepEqual(mine.json.orders.map((o) => o.order_id), [1007, 1009]);
      assert.deepEqual((await get(lab, '/orders', bob.auth)).json.orders.map((o) => o.order_id), [1008]);
    });

    it(vulnerable ? 'serves another user\'s order by id' : 'serves an order only to its owner', async () => {
      assert.equal((await get(lab, '/orders/1007', alice.auth)).json.user_id, 7);
      const other = await get(lab, '/orders/1007', bob.auth);
      assert.equal(other.status, vulnerable ? 200 : 404);
    });

    it(vulnerable ? 'shows the admin user list to any customer' : 'shows the admin user list to admins only',
      async () => {
        const res = await get(lab, '/admin/users', bob.auth);
        assert.equal(res.status, vulnerable ? 200 : 403);
        assert.equal((await get(lab, '/admin/users')).status, 401);
      });

    it(vulnerable ? 'lets a customer make itself admin through PATCH /me' : 'ignores role in PATCH /me',
      async () => {
        const changed = await patchMe(lab, bob.auth, { role: 'admin', name: 'Bob Lab' });
        try {
          assert.equal(changed.status, 200);
          assert.equal(changed.json.role, vulnerable ? 'admin' : 'customer');
          assert.equal((await get(lab, '/me', bob.auth)).json.role, vulnerable ? 'admin' : 'customer');
        } finally {
          await patchMe(lab, bob.auth, { role: 'customer' });
        }
        assert.equal((await get(lab, '/me', bob.auth)).json.role, 'customer');
      });
  });
}
