'use strict';

// Error handling, the first middleware in the stack.

const crypto = require('node:crypto');
const pgVersion = require('pg/package.json').version;

/** Fields node-postgres copies from the server's ErrorResponse message. */
const PG_FIELDS = ['code', 'severity', 'detail', 'hint', 'position', 'schema', 'table', 'column',
  'constraint', 'file', 'line', 'routine', 'query', 'parameters'];

/**
 * Vulnerable: the "helpful" development handler that shipped to production. It returns the error
 * message, every PostgreSQL error field, the SQL text, driver and server versions, and the stack.
 */
function verboseErrors(db) {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      ctx.status = err.status || err.statusCode || 500;
      const body = { error: err.message, name: err.name };
      for (const field of PG_FIELDS) {
        if (err[field] !== undefined) body[field] = err[field];
      }
      if (err.code && /^[0-9A-Z]{5}$/.test(err.code)) {
        body.driver = `node-postgres ${pgVersion}`;
        body.server = db.serverVersion;
      }
      if (err.cause) body.cause = err.cause.message || String(err.cause);
      body.stack = err.stack;
      ctx.body = body;
      ctx.app.emit('error', err, ctx);
    }
  };
}

/**
 * Remediated: clients get a generic message and a request id; details go to the server log only.
 * Client errors raised on purpose (ctx.throw(4xx)) keep their short, safe message.
 */
function genericErrors(log = console) {
  return async (ctx, next) => {
    const requestId = crypto.randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    try {
      await next();
    } catch (err) {
      const status = err.status || err.statusCode || 500;
      ctx.status = status;
      if (status < 500 && err.expose) {
        ctx.body = { error: err.message, requestId };
        return;
      }
      ctx.status = 500;
      ctx.body = { error: 'internal error', requestId };
      log.error(JSON.stringify({
        level: 'error', requestId, method: ctx.method, path: ctx.path,
        message: err.message, code: err.code, query: err.query, stack: err.stack,
      }));
    }
  };
}

/** JSON body for unmatched routes in both modes, instead of Koa's plain "Not Found". */
async function notFound(ctx, next) {
  await next();
  if (ctx.status === 404 && ctx.body == null) {
    ctx.status = 404;
    ctx.body = { error: 'not found' };
  }
}

module.exports = { verboseErrors, genericErrors, notFound };
