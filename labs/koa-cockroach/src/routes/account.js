'use strict';

// POST /login, GET /me and PATCH /me: the logged-in customer's own account.

const { sign, passwordMatches, tokenSettings, readJson, requireUser } = require('../auth');

const PROFILE = 'SELECT u.user_id, a.username, u.name, u.email, u.phone, u.role FROM users u '
  + 'JOIN accounts a ON a.user_id = u.user_id WHERE u.user_id = $1';

function login(router, { db, config }) {
  const { secret, ttlSeconds } = tokenSettings(config);
  router.post('/login', async (ctx) => {
    const { username, password } = await readJson(ctx);
    const { rows } = await db.query('SELECT user_id, username, password_hash FROM accounts WHERE username = $1',
      [String(username || '')]);
    if (rows.length === 0 || !passwordMatches(password, rows[0].password_hash)) {
      ctx.throw(401, 'invalid username or password');
    }
    const token = sign({ sub: rows[0].user_id, username: rows[0].username }, secret, ttlSeconds);
    ctx.body = { token, token_type: 'Bearer', ...(ttlSeconds ? { expires_in: ttlSeconds } : {}) };
  });
  router.get('/me', requireUser(config), async (ctx) => {
    ctx.body = (await db.query(PROFILE, [ctx.state.user.id])).rows[0];
  });
}

/**
 * Applies the body's fields that are in `writable` to the caller's own row and answers the profile.
 * Column names come from the allow-list, never from the request.
 */
function patchMe(router, { db, config }, writable) {
  router.patch('/me', requireUser(config), async (ctx) => {
    const body = await readJson(ctx);
    const fields = writable.filter((f) => typeof body[f] === 'string' && body[f].length <= 200);
    if (fields.length > 0) {
      const sets = fields.map((f, i) => `${f} = $${i + 2}`).join(', ');
      await db.query(`UPDATE users SET ${sets} WHERE user_id = $1`, [ctx.state.user.id, ...fields.map((f) => body[f])]);
    }
    ctx.body = (await db.query(PROFILE, [ctx.state.user.id])).rows[0];
  });
}

/** Vulnerable: PATCH /me binds every user column it knows, role included (mass assignment). */
function vulnerable(router, deps) {
  login(router, deps);
  patchMe(router, deps, ['name', 'phone', 'role']);
}

/** Remediated: only name and phone are writable; role is ignored. */
function remediated(router, deps) {
  login(router, deps);
  patchMe(router, deps, ['name', 'phone']);
}

module.exports = { vulnerable, remediated };
