'use strict';

// POST /products/import {"feedUrl": "<supplier feed>"}: a logged-in seller pulls a supplier's JSON product
// feed ({"items":[{"product_id","name","price_cents","stock"}]}) and the shop upserts its items.

const dns = require('node:dns/promises');
const net = require('node:net');

const { readJson, requireUser } = require('../auth');
const { isInternal } = require('./avatar');

const FETCH_TIMEOUT_MS = 5_000;
const MAX_ITEMS = 100;

/** The feed's items that are well-formed products; throws 422 when the body is not such a feed. */
function itemsOf(ctx, text) {
  let feed;
  try {
    feed = JSON.parse(text);
  } catch (err) {
    return ctx.throw(422, `feed is not JSON: ${err.message}`);
  }
  const items = feed && Array.isArray(feed.items) ? feed.items : null;
  if (!items) ctx.throw(422, 'feed has no items array');
  return items.slice(0, MAX_ITEMS).filter((i) => Number.isInteger(i.product_id) && i.product_id > 100
    && typeof i.name === 'string' && Number.isInteger(i.price_cents) && Number.isInteger(i.stock));
}

async function upsert(db, sellerId, items) {
  for (const i of items) {
    await db.query(
      `INSERT INTO products (product_id, user_id, name, price_cents, stock) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (product_id) DO UPDATE SET name = excluded.name, price_cents = excluded.price_cents,
       stock = excluded.stock`,
      [i.product_id, sellerId, i.name.slice(0, 200), i.price_cents, i.stock],
    );
  }
}

/**
 * Vulnerable: fetches feedUrl from the server's network position, whatever it names (loopback, private
 * ranges, cloud metadata), and answers with what it found there when the body is not a feed.
 */
function vulnerable(router, { db, config }) {
  router.post('/products/import', requireUser(config), async (ctx) => {
    const { feedUrl } = await readJson(ctx);
    if (typeof feedUrl !== 'string' || !feedUrl) ctx.throw(400, 'feedUrl is required');
    const res = await fetch(feedUrl, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    const items = itemsOf(ctx, await res.text());
    await upsert(db, ctx.state.user.id, items);
    ctx.body = { imported: items.length, source: feedUrl };
  });
}

/**
 * Remediated: only https feeds on the configured supplier hosts (SUPPLIER_FEED_HOSTS, empty by default), never
 * IP literals or hosts resolving to internal addresses, no redirects, and errors that say nothing of the body.
 */
function remediated(router, { db, config }) {
  router.post('/products/import', requireUser(config), async (ctx) => {
    const { feedUrl } = await readJson(ctx);
    let url;
    try {
      url = new URL(String(feedUrl || ''));
    } catch {
      ctx.throw(400, 'feedUrl must be an absolute https URL');
    }
    const host = url.hostname.toLowerCase();
    if (url.protocol !== 'https:' || url.username || url.password || net.isIP(host.replace(/^\[|\]$/g, ''))
      || !config.feedHosts.has(host)) {
      ctx.throw(400, 'feed host not allowed');
    }
    const addresses = await dns.lookup(host, { all: true });
    if (addresses.length === 0 || addresses.some((a) => isInternal(a.address))) ctx.throw(400, 'feed host not allowed');
    const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!res.ok) ctx.throw(502, 'feed unavailable');
    let items;
    try {
      items = itemsOf(ctx, await res.text());
    } catch {
      ctx.throw(422, 'not a product feed');
    }
    await upsert(db, ctx.state.user.id, items);
    ctx.body = { imported: items.length };
  });
}

module.exports = { vulnerable, remediated };
