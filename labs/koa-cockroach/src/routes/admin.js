'use strict';

// GET /admin/users: the back-office account list.

const { requireUser } = require('../auth');

function listUsers(router, { db, config }, adminOnly) {
  router.get('/admin/users', requireUser(config), async (ctx) => {
    if (adminOnly) {
      const { rows } = await db.query('SELECT role FROM users WHERE user_id = $1', [ctx.state.user.id]);
      if (rows[0]?.role !== 'admin') ctx.throw(403, 'administrators only');
    }
    const { rows } = await db.query('SELECT u.user_id, a.username, u.name, u.email, u.role FROM users u '
      + 'LEFT JOIN accounts a ON a.user_id = u.user_id ORDER BY u.user_id');
    ctx.body = { count: rows.length, users: rows };
  });
}

/** Vulnerable: a valid login is all it checks, so every customer reads the account list (BFLA). */
function vulnerable(router, deps) {
  listUsers(router, deps, false);
}

/** Remediated: the caller's current role must be admin. */
function remediated(router, deps) {
  listUsers(router, deps, true);
}

module.exports = { vulnerable, remediated };
