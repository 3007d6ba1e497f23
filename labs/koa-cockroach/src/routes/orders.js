'use strict';

// GET /orders (the caller's orders) and GET /orders/:id.

const { requireUser } = require('../auth');

const COLUMNS = 'order_id, user_id, product_id, quantity, total_cents, status';

function list(router, { db, config }) {
  router.get('/orders', requireUser(config), async (ctx) => {
    const { rows } = await db.query(`SELECT ${COLUMNS} FROM orders WHERE user_id = $1 ORDER BY order_id`,
      [ctx.state.user.id]);
    ctx.body = { count: rows.length, orders: rows };
  });
}

function byId(router, { db, config }, ownOnly) {
  router.get('/orders/:id', requireUser(config), async (ctx) => {
    if (!/^\d{1,9}$/.test(ctx.params.id)) ctx.throw(404, 'not found');
    const { rows } = ownOnly
      ? await db.query(`SELECT ${COLUMNS} FROM orders WHERE order_id = $1 AND user_id = $2`,
        [Number(ctx.params.id), ctx.state.user.id])
      : await db.query(`SELECT ${COLUMNS} FROM orders WHERE order_id = $1`, [Number(ctx.params.id)]);
    if (rows.length === 0) ctx.throw(404, 'not found');
    ctx.body = rows[0];
  });
}

/** Vulnerable: any logged-in user reads any order by its (sequential) id. */
function vulnerable(router, deps) {
  list(router, deps);
  byId(router, deps, false);
}

/** Remediated: an order is found only when it belongs to the caller; others are 404. */
function remediated(router, deps) {
  list(router, deps);
  byId(router, deps, true);
}

module.exports = { vulnerable, remediated };
