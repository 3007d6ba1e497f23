'use strict';

// GET /avatar?url=<image url>: fetches a profile picture so the browser never talks to third parties.

const dns = require('node:dns/promises');
const net = require('node:net');

const FETCH_TIMEOUT_MS = 5_000;
const MAX_BYTES = 1 << 20;

/**
 * Vulnerable: fetches whatever URL it is given from the server's network position (loopback,
 * private ranges, cloud metadata, the database's HTTP port) and relays status, type and body.
 */
function vulnerable(router) {
  router.get('/avatar', async (ctx) => {
    const url = ctx.query.url;
    if (!url) ctx.throw(400, 'url is required');
    const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    ctx.status = res.status;
    ctx.type = res.headers.get('content-type') || 'application/octet-stream';
    ctx.body = Buffer.from(await res.arrayBuffer());
  });
}

const BLOCKED_V4 = new net.BlockList();
for (const [prefix, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8],
  ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['224.0.0.0', 4], ['240.0.0.0', 4]]) {
  BLOCKED_V4.addSubnet(prefix, bits, 'ipv4');
}
const BLOCKED_V6 = new net.BlockList();
for (const [prefix, bits] of [['::', 127], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['::ffff:0:0', 96]]) {
  BLOCKED_V6.addSubnet(prefix, bits, 'ipv6');
}

function isInternal(address) {
  return net.isIPv4(address) ? BLOCKED_V4.check(address, 'ipv4') : BLOCKED_V6.check(address, 'ipv6');
}

/**
 * Remediated: only https URLs on the configured avatar hosts (AVATAR_ALLOWED_HOSTS, empty by
 * default), never IP literals, never a host that resolves to an internal address, no redirects,
 * and only images come back.
 */
function remediated(router, { config }) {
  router.get('/avatar', async (ctx) => {
    let url;
    try {
      url = new URL(String(ctx.query.url || ''));
    } catch {
      ctx.throw(400, 'url must be an absolute https URL');
    }
    const host = url.hostname.toLowerCase();
    if (url.protocol !== 'https:' || url.username || url.password || net.isIP(host.replace(/^\[|\]$/g, ''))
      || !config.avatarHosts.has(host)) {
      ctx.throw(400, 'avatar host not allowed');
    }
    const addresses = await dns.lookup(host, { all: true });
    if (addresses.length === 0 || addresses.some((a) => isInternal(a.address))) {
      ctx.throw(400, 'avatar host not allowed');
    }
    const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    const type = res.headers.get('content-type') || '';
    const body = Buffer.from(await res.arrayBuffer());
    if (!res.ok || !/^image\/(png|jpeg|gif|webp)$/.test(type) || body.length > MAX_BYTES) {
      ctx.throw(502, 'avatar unavailable');
    }
    ctx.type = type;
    ctx.body = body;
  });
}

module.exports = { vulnerable, remediated, isInternal };
