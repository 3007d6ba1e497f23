'use strict';

// Connection pool, schema and seed data.
//
// Every statement here is one CockroachDB also accepts: plain CREATE TABLE IF NOT EXISTS,
// INT primary keys (no SERIAL), JSONB, TIMESTAMPTZ DEFAULT now(), INSERT ... ON CONFLICT DO NOTHING.
// PostgreSQL stands in for CockroachDB when the lab runs locally; both speak the same wire protocol.

const fs = require('node:fs');
const { Pool } = require('pg');
const { hashPassword } = require('./auth');

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS users (
     user_id INT PRIMARY KEY,
     name TEXT NOT NULL,
     email TEXT NOT NULL UNIQUE,
     phone TEXT,
     password_hash TEXT NOT NULL,
     role TEXT NOT NULL DEFAULT 'customer',
     created_at TIMESTAMPTZ NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS products (
     product_id INT PRIMARY KEY,
     user_id INT NOT NULL REFERENCES users (user_id),
     name TEXT NOT NULL,
     price_cents INT NOT NULL,
     stock INT NOT NULL DEFAULT 0,
     attributes JSONB NOT NULL DEFAULT '{}'
   )`,
  `CREATE TABLE IF NOT EXISTS orders (
     order_id INT PRIMARY KEY,
     user_id INT NOT NULL REFERENCES users (user_id),
     product_id INT NOT NULL REFERENCES products (product_id),
     quantity INT NOT NULL,
     total_cents INT NOT NULL,
     status TEXT NOT NULL DEFAULT 'placed',
     created_at TIMESTAMPTZ NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS accounts (
     username TEXT PRIMARY KEY,
     user_id INT NOT NULL UNIQUE REFERENCES users (user_id),
     password_hash TEXT NOT NULL
   )`,
];

// Fictitious people: example.com addresses and phone numbers from the 555-01xx range reserved for fiction.
// The hashes are bcrypt-shaped strings, not hashes of any real password.
const USERS = [
  [1, 'Alice Martin', 'alice.martin@example.com', '+1-202-555-0143', '$2b$12$EgOYyYSABNP2DAjtezOPWa.gCzdANhnZqy.yCltllHVIgxXK/QNZM', 'admin'],
  [2, 'Bruno Costa', 'bruno.costa@example.com', '+1-202-555-0178', '$2b$12$t3aQrZtUu/mMjoVPDuXrIbuQQQyhheg8BXiiqFVHZCsn.CD8MmJFz', 'support'],
  [3, 'Chiara Rossi', 'chiara.rossi@example.com', '+1-202-555-0119', '$2b$12$lSF9Z14hYBw.sa3sHwvq7nFigJMJ/pHAiaa.4f1x231/cHje8Y353', 'customer'],
  [4, 'Dmitri Volkov', 'dmitri.volkov@example.com', '+1-202-555-0191', '$2b$12$mNeYq//OBy84bKx8LwtDRRgNS9fENrtEULnj6b/HeISIvn3CI4T3A', 'customer'],
  [5, 'Emeka Okafor', 'emeka.okafor@example.com', '+1-202-555-0127', '$2b$12$AniAk3mmsE82C.ZpWCSSh/WlPsnrPZw0i4VX/2AstJT8fXcRlvqhp', 'customer'],
  [6, 'Fatima Haddad', 'fatima.haddad@example.com', '+1-202-555-0164', '$2b$12$ZIWH0vA4PS.9yLVVEo7vTFTLJ40OSNtuSWIkQmn0p9CBitFnJbCph', 'customer'],
  [7, 'Alice Lab', 'alice@example.com', '+1-202-555-0102', '$2b$12$Qm5p2bHq1oYkT8uW3xZc0eJd7fRr6sLg9vNn4aKb1cPy2hUi3wOx.', 'customer'],
  [8, 'Bob Lab', 'bob@example.com', '+1-202-555-0105', '$2b$12$Vd8s3kLp0aQw7eRt2yUi9oPz5xCv1bNm4lKj6hGf3dSa8qWe2rTy.', 'customer'],
];

// The two lab logins (username, user_id, password). Known passwords: they exist to be typed into the lab.
// Salts are fixed so the stored hashes are the same on every start.
const ACCOUNTS = [
  ['alice', 7, 'alice-lab-password', '5a1f0c3e9b7d2a48'],
  ['bob', 8, 'bob-lab-password', 'b0b5e1d2c3f4a596'],
];

// product_id, seller user_id, name, price in cents, stock, attributes
const PRODUCTS = [
  [1, 2, 'Espresso grinder', 18900, 12, { colour: 'black', warrantyYears: 2 }],
  [2, 2, 'Pour-over kettle', 5400, 30, { colour: 'steel', litres: 1.0 }],
  [3, 1, 'Ceramic dripper', 2600, 55, { colour: 'white' }],
  [4, 1, 'Paper filters (100)', 700, 400, {}],
  [5, 2, 'Milk jug', 1900, 41, { millilitres: 600 }],
];

// order_id, user_id, product_id, quantity, status
const ORDERS = [
  [1001, 3, 1, 1, 'shipped'],
  [1002, 3, 4, 2, 'delivered'],
  [1003, 4, 2, 1, 'placed'],
  [1004, 5, 3, 2, 'placed'],
  [1005, 6, 5, 1, 'cancelled'],
  [1006, 4, 4, 3, 'shipped'],
  [1007, 7, 3, 1, 'placed'],
  [1008, 8, 5, 2, 'shipped'],
  [1009, 7, 1, 1, 'delivered'],
];

/**
 * TLS settings for the pool, from the environment. DATABASE_SSL=require|verify-full turns TLS on;
 * verify-full also checks the certificate chain (DATABASE_CA_FILE gives the CA bundle, as CockroachDB's
 * ca.crt). Unset means no TLS, which suits a loopback database only.
 */
function sslFromEnv(env) {
  const mode = (env.DATABASE_SSL || '').toLowerCase();
  if (mode === '' || mode === 'disable') return undefined;
  if (mode === 'require') return { rejectUnauthorized: false };
  if (mode === 'verify-full') {
    return {
      rejectUnauthorized: true,
      ca: env.DATABASE_CA_FILE ? fs.readFileSync(env.DATABASE_CA_FILE, 'utf8') : undefined,
    };
  }
  throw new Error(`DATABASE_SSL must be disable, require or verify-full, not "${env.DATABASE_SSL}"`);
}

/** Builds the pool. The remediated configuration is TLS-ready and bounds statement time. */
function createPool({ connectionString, mode, env = process.env }) {
  const config = {
    connectionString,
    application_name: 'koa-cockroach-lab',
    max: 10,
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: 5_000,
  };
  if (mode === 'remediated') {
    config.ssl = sslFromEnv(env);
    config.statement_timeout = 5_000;
  }
  return new Pool(config);
}

/**
 * Wraps the pool with the query helper the routes use. Failed queries carry the SQL text and
 * parameters on the error (for the server log; what reaches the client is the error handler's choice).
 */
function createDb(pool) {
  const db = {
    pool,
    serverVersion: null,
    async query(text, params = []) {
      try {
        return await pool.query(text, params);
      } catch (err) {
        err.query = text;
        err.parameters = params;
        throw err;
      }
    },
  };
  return db;
}

/** Checks connectivity and records the server's version banner (PostgreSQL or CockroachDB). */
async function connect(db) {
  const { rows } = await db.query('SELECT version() AS version');
  db.serverVersion = rows[0].version;
  return db;
}

/** Creates the schema and seed rows; idempotent, so it runs on every start. */
async function migrate(db) {
  for (const statement of SCHEMA) {
    await db.query(statement);
  }
  for (const row of USERS) {
    await db.query(
      `INSERT INTO users (user_id, name, email, phone, password_hash, role)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id) DO NOTHING`,
      row,
    );
  }
  for (const [username, userId, password, salt] of ACCOUNTS) {
    await db.query(
      `INSERT INTO accounts (username, user_id, password_hash) VALUES ($1, $2, $3) ON CONFLICT (username) DO NOTHING`,
      [username, userId, hashPassword(password, salt)],
    );
  }
  for (const [id, seller, name, price, stock, attributes] of PRODUCTS) {
    await db.query(
      `INSERT INTO products (product_id, user_id, name, price_cents, stock, attributes)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (product_id) DO NOTHING`,
      [id, seller, name, price, stock, JSON.stringify(attributes)],
    );
  }
  for (const [id, userId, productId, quantity, status] of ORDERS) {
    const price = PRODUCTS.find(([pid]) => pid === productId)[3];
    await db.query(
      `INSERT INTO orders (order_id, user_id, product_id, quantity, total_cents, status)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (order_id) DO NOTHING`,
      [id, userId, productId, quantity, price * quantity, status],
    );
  }
}

module.exports = { createPool, createDb, connect, migrate, sslFromEnv, ACCOUNTS };
