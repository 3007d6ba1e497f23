'use strict';

// GET /users: the customer list behind the support dashboard.

const crypto = require('node:crypto');

/** Vulnerable: no authentication, and SELECT * hands out emails, phones and password hashes. */
function vulnerable(router, { db }) {
  router.get('/users', async (ctx) => {
    const { rows } = await db.query('SELECT * FROM users ORDER BY user_id');
    ctx.body = { count: rows.length, users: rows };
  });
}

function maskEmail(email) {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** Constant-time comparison of the presented bearer token with the configured one. */
function tokenMatches(presented, expected) {
  if (!expected || !presented) return false;
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * Remediated: a bearer token (LAB_API_TOKEN) is required - with no token configured nobody gets in -
 * and the listing carries no hashes, no phones and masked emails.
 */
function remediated(router, { db, config }) {
  router.get('/users', async (ctx) => {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(ctx.get('Authorization'));
    if (!match || !tokenMatches(match[1], config.apiToken)) {
      ctx.set('WWW-Authenticate', 'Bearer realm="lab"');
      ctx.throw(401, 'authentication required');
    }
    const { rows } = await db.query('SELECT user_id, name, email, role FROM users ORDER BY user_id');
    ctx.body = {
      count: rows.length,
      users: rows.map((u) => ({ id: u.user_id, name: u.name, email: maskEmail(u.email), role: u.role })),
    };
  });
}

module.exports = { vulnerable, remediated };
