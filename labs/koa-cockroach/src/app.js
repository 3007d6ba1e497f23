'use strict';

// Builds the Koa application for one mode. The vulnerable and remediated twins share routes, data
// and links; they differ only in the middleware and handlers that carry (or fix) each weakness.

const crypto = require('node:crypto');
const path = require('node:path');
const Koa = require('koa');
const { Router } = require('@koa/router');

const { verboseErrors, genericErrors, notFound } = require('./middleware/errors');
const { reflectAnyOrigin, singleOrigin } = require('./middleware/cors');
const { hardenedHeaders } = require('./middleware/headers');
const { rateLimit } = require('./middleware/ratelimit');
const root = require('./routes/root');
const assets = require('./routes/static');
const data = require('./routes/data');
const products = require('./routes/products');
const users = require('./routes/users');
const files = require('./routes/files');
const avatar = require('./routes/avatar');
const imports = require('./routes/imports');
const debug = require('./routes/debug');
const status = require('./routes/status');
const account = require('./routes/account');
const orders = require('./routes/orders');
const admin = require('./routes/admin');

const MODES = new Set(['vulnerable', 'remediated']);
const LAB_DIR = path.resolve(__dirname, '..');

/** A comma-separated host list as a set of lower-case names. */
function hostSet(list) {
  return new Set((list || '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean));
}

/** Application settings from the environment; defaults suit a lab run on loopback. */
function configFromEnv(env = process.env) {
  const mode = env.LAB_MODE || 'vulnerable';
  if (!MODES.has(mode)) throw new Error(`LAB_MODE must be vulnerable or remediated, not "${mode}"`);
  return {
    mode,
    databaseUrl: env.DATABASE_URL,
    port: env.PORT === undefined ? 3000 : Number(env.PORT),
    corsOrigin: env.CORS_ORIGIN || 'https://shop.example.com',
    apiToken: env.LAB_API_TOKEN || '',
    // remediated token signing key: LAB_JWT_SECRET, else 32 random bytes per process
    jwtSecret: env.LAB_JWT_SECRET || crypto.randomBytes(32).toString('hex'),
    avatarHosts: hostSet(env.AVATAR_ALLOWED_HOSTS),
    feedHosts: hostSet(env.SUPPLIER_FEED_HOSTS),
    filesDir: path.join(LAB_DIR, 'files'),
    staticDir: path.join(LAB_DIR, 'static'),
  };
}

/**
 * @param config from configFromEnv
 * @param db     the query helper from db.createDb, already connected
 * @param log    where the remediated app writes error details (console by default)
 */
function buildApp(config, db, log = console) {
  const app = new Koa();
  const router = new Router();
  const deps = { config, db };

  if (config.mode === 'vulnerable') {
    app.use(verboseErrors(db));
    app.use(reflectAnyOrigin());
  } else {
    app.use(hardenedHeaders());
    app.use(rateLimit());
    app.use(genericErrors(log));
    app.use(singleOrigin(config.corsOrigin));
  }
  app.use(notFound);

  root.routes(router, deps);
  assets.routes(router, deps);
  for (const feature of [data, products, imports, users, files, avatar, account, orders, admin]) {
    feature[config.mode](router, deps);
  }
  if (config.mode === 'vulnerable') {
    debug.vulnerable(router, deps);
    status.vulnerable(router, deps);
  }

  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

module.exports = { buildApp, configFromEnv, MODES };
