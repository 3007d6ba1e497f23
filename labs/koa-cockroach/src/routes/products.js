'use strict';

// GET /products?sort=<column>&order=asc|desc, GET /products/search?q=<text> and GET /products/:id

function formatPrice(cents) {
  return `$${(cents / 100).toFixed(2)}`;
}

function present(product) {
  return {
    id: product.product_id,
    name: product.name,
    price: formatPrice(product.price_cents),
    stock: product.stock,
    attributes: product.attributes,
  };
}

/**
 * Vulnerable: sort column and direction are concatenated into ORDER BY (placeholders cannot stand
 * for identifiers, so the author interpolated them). The detail route forgets the not-found case:
 * a non-numeric or unknown id makes `product` undefined and the property access throws.
 */
function vulnerable(router, { db }) {
  // The search box's text is pasted into the ILIKE pattern: a quote ends the string literal early.
  router.get('/products/search', async (ctx) => {
    const q = String(ctx.query.q || '');
    const { rows } = await db.query(
      `SELECT product_id, name, price_cents, stock, attributes FROM products WHERE name ILIKE '%${q}%' `
        + 'ORDER BY product_id LIMIT 50',
    );
    ctx.body = { query: q, count: rows.length, products: rows.map(present) };
  });

  router.get('/products', async (ctx) => {
    const sort = ctx.query.sort || 'product_id';
    const order = ctx.query.order || 'asc';
    const { rows } = await db.query(
      `SELECT product_id, name, price_cents, stock, attributes FROM products ORDER BY ${sort} ${order} LIMIT 50`,
    );
    ctx.body = { count: rows.length, products: rows.map(present) };
  });

  router.get('/products/:id', async (ctx) => {
    const id = Number(ctx.params.id) || 0;
    const { rows } = await db.query(
      'SELECT product_id, name, price_cents, stock, attributes FROM products WHERE product_id = $1',
      [id],
    );
    const product = rows[0];
    ctx.body = { ...present(product), seller: product.user_id };
  });
}

/** Remediated: sort column and direction come from allow-lists; ids are validated; 404 when absent. */
const SORT_COLUMNS = new Set(['product_id', 'name', 'price_cents', 'stock']);
const ORDERS = new Map([['asc', 'ASC'], ['desc', 'DESC']]);

/** An ILIKE pattern that matches text anywhere, with ILIKE's own wildcards escaped (backslash is the default escape). */
function containsPattern(text) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function remediated(router, { db }) {
  router.get('/products/search', async (ctx) => {
    const q = typeof ctx.query.q === 'string' ? ctx.query.q : '';
    if (q.length > 100) ctx.throw(400, 'q must be at most 100 characters');
    const { rows } = await db.query(
      'SELECT product_id, name, price_cents, stock, attributes FROM products WHERE name ILIKE $1 '
        + 'ORDER BY product_id LIMIT 50',
      [containsPattern(q)],
    );
    ctx.body = { query: q, count: rows.length, products: rows.map(present) };
  });

  router.get('/products', async (ctx) => {
    const sort = ctx.query.sort === undefined ? 'product_id' : ctx.query.sort;
    const order = ORDERS.get(ctx.query.order === undefined ? 'asc' : ctx.query.order);
    if (typeof sort !== 'string' || !SORT_COLUMNS.has(sort)) {
      ctx.throw(400, `sort must be one of: ${[...SORT_COLUMNS].join(', ')}`);
    }
    if (!order) ctx.throw(400, 'order must be asc or desc');
    const { rows } = await db.query(
      `SELECT product_id, name, price_cents, stock, attributes FROM products ORDER BY ${sort} ${order} LIMIT 50`,
    );
    ctx.body = { count: rows.length, products: rows.map(present) };
  });

  router.get('/products/:id', async (ctx) => {
    if (!/^[1-9][0-9]{0,8}$/.test(ctx.params.id)) ctx.throw(404, 'not found');
    const { rows } = await db.query(
      'SELECT product_id, name, price_cents, stock, attributes FROM products WHERE product_id = $1',
      [Number(ctx.params.id)],
    );
    if (rows.length === 0) ctx.throw(404, 'not found');
    ctx.body = present(rows[0]);
  });
}

module.exports = { vulnerable, remediated, SORT_COLUMNS, containsPattern };
