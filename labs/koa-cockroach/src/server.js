'use strict';

// Entry point: read the environment, connect, create schema and seed data, listen on loopback.

const { buildApp, configFromEnv } = require('./app');
const { createPool, createDb, connect, migrate } = require('./db');

const HOST = '127.0.0.1';

function fail(message) {
  console.error(`lab: ${message}`);
  process.exit(1);
}

async function main() {
  let config;
  try {
    config = configFromEnv();
  } catch (err) {
    return fail(err.message);
  }
  if (!config.databaseUrl) return fail('DATABASE_URL is not set');
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) return fail('PORT must be 0-65535');

  let pool;
  let db;
  try {
    pool = createPool({ connectionString: config.databaseUrl, mode: config.mode });
    pool.on('error', (err) => console.error(`lab: idle database client error: ${err.message}`));
    db = await connect(createDb(pool));
    await migrate(db);
  } catch (err) {
    return fail(`database unreachable or schema setup failed: ${String(err.message || err).split('\n')[0]}`);
  }

  const app = buildApp(config, db);
  const server = app.listen(config.port, HOST, () => {
    console.log(`lab listening on http://${HOST}:${server.address().port} (${config.mode})`);
  });
  server.on('error', (err) => fail(`cannot listen on ${HOST}:${config.port}: ${err.message}`));

  const shutdown = () => {
    server.close(() => pool.end().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3_000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main();
