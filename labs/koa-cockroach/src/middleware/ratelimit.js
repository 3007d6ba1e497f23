'use strict';

// Remediated mode only: a fixed-window request limit per client address, announced with the IETF RateLimit
// headers so well-behaved clients can pace themselves, and enforced with 429 + Retry-After.
// In-memory and per process: enough for one instance; a real deployment would keep the counters in a shared
// store (or enforce the limit at the gateway) so every replica sees the same window.

function rateLimit({ limit = 300, windowSeconds = 60 } = {}) {
  const windows = new Map(); // client address -> { start: ms, count }

  return async function limitRequests(ctx, next) {
    const now = Date.now();
    const key = ctx.ip;
    let w = windows.get(key);
    if (!w || now - w.start >= windowSeconds * 1000) {
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    w.count += 1;
    const reset = Math.max(0, Math.ceil((w.start + windowSeconds * 1000 - now) / 1000));
    const remaining = Math.max(0, limit - w.count);
    ctx.set('RateLimit-Policy', `${limit};w=${windowSeconds}`);
    ctx.set('RateLimit', `limit=${limit}, remaining=${remaining}, reset=${reset}`);
    if (w.count > limit) {
      ctx.status = 429;
      ctx.set('Retry-After', String(reset));
      ctx.body = { error: 'too many requests' };
      return;
    }
    await next();
  };
}

module.exports = { rateLimit };
