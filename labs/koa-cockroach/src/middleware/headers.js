'use strict';

/** Remediated: no MIME sniffing anywhere, and JSON responses are never cached. */
function hardenedHeaders() {
  return async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    try {
      await next();
    } finally {
      if (ctx.response.is('json')) ctx.set('Cache-Control', 'no-store');
    }
  };
}

module.exports = { hardenedHeaders };
