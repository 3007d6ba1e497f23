'use strict';

// CORS, hand-written as many small services do.

const ALLOW_METHODS = 'GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS';
const ALLOW_HEADERS = 'Authorization,Content-Type';

/**
 * Vulnerable: "make the SPA work from any environment" - echoes whatever Origin arrives and allows
 * credentials, so any web page can read responses with the victim's cookies or auth.
 */
function reflectAnyOrigin() {
  return async (ctx, next) => {
    const origin = ctx.get('Origin');
    if (origin) {
      ctx.vary('Origin');
      ctx.set('Access-Control-Allow-Origin', origin);
      ctx.set('Access-Control-Allow-Credentials', 'true');
      if (ctx.method === 'OPTIONS') {
        ctx.set('Access-Control-Allow-Methods', ALLOW_METHODS);
        ctx.set('Access-Control-Allow-Headers', ctx.get('Access-Control-Request-Headers') || ALLOW_HEADERS);
        ctx.status = 204;
        return;
      }
    }
    await next();
  };
}

/** Remediated: exactly one configured origin gets CORS headers; every other origin gets none. */
function singleOrigin(allowedOrigin) {
  return async (ctx, next) => {
    ctx.vary('Origin');
    const origin = ctx.get('Origin');
    const allowed = origin !== '' && origin === allowedOrigin;
    if (allowed) {
      ctx.set('Access-Control-Allow-Origin', allowedOrigin);
      ctx.set('Access-Control-Allow-Credentials', 'true');
    }
    if (ctx.method === 'OPTIONS' && ctx.get('Access-Control-Request-Method')) {
      if (allowed) {
        ctx.set('Access-Control-Allow-Methods', 'GET,HEAD,OPTIONS');
        ctx.set('Access-Control-Allow-Headers', ALLOW_HEADERS);
      }
      ctx.status = 204;
      return;
    }
    await next();
  };
}

module.exports = { reflectAnyOrigin, singleOrigin };
