'use strict';

// Logins and bearer tokens: HS256 JSON Web Tokens signed with node:crypto, scrypt password hashes,
// a small JSON body reader and the middleware that turns a bearer token into ctx.state.user.

const crypto = require('node:crypto');

// The vulnerable twin signs with a word every JWT cracking wordlist starts with, and never expires tokens.
const WEAK_SECRET = 'secret';
const TOKEN_MINUTES = 15;
const MAX_BODY_BYTES = 10 * 1024;

const b64url = (buf) => Buffer.from(buf).toString('base64url');

/** Signs claims as an HS256 JWT; exp (seconds since the epoch) is added when ttlSeconds is given. */
function sign(claims, secret, ttlSeconds) {
  const now = Math.floor(Date.now() / 1000);
  const payload = { ...claims, iat: now, ...(ttlSeconds ? { exp: now + ttlSeconds } : {}) };
  const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
  return `${head}.${b64url(crypto.createHmac('sha256', secret).update(head).digest())}`;
}

/** The claims of a token signed with secret by HS256 and not expired, or null. */
function verify(token, secret) {
  const parts = String(token).split('.');
  if (parts.length !== 3) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    if (header.alg !== 'HS256') return null;
    const expected = crypto.createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
    const given = Buffer.from(parts[2], 'base64url');
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (claims.exp !== undefined && claims.exp <= Math.floor(Date.now() / 1000)) return null;
    return claims;
  } catch {
    return null;
  }
}

/** "scrypt$<salt hex>$<hash hex>" for a password. */
function hashPassword(password, salt = crypto.randomBytes(16).toString('hex')) {
  return `scrypt$${salt}$${crypto.scryptSync(password, salt, 32).toString('hex')}`;
}

function passwordMatches(password, stored) {
  const [scheme, salt, hash] = String(stored).split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const given = crypto.scryptSync(String(password), salt, 32);
  return crypto.timingSafeEqual(given, Buffer.from(hash, 'hex'));
}

/** Token settings for a mode: the weak secret and no expiry, or a strong secret and 15-minute tokens. */
function tokenSettings(config) {
  if (config.mode === 'vulnerable') return { secret: WEAK_SECRET, ttlSeconds: 0 };
  return { secret: config.jwtSecret, ttlSeconds: TOKEN_MINUTES * 60 };
}

/** Reads a JSON object body of at most 10 KiB; throws 400/413 otherwise. */
async function readJson(ctx) {
  const chunks = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) ctx.throw(413, 'request body too large');
    chunks.push(chunk);
  }
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value;
  } catch {
    return ctx.throw(400, 'body must be a JSON object');
  }
}

/** Middleware: a valid bearer token sets ctx.state.user ({ id, username }); anything else is 401. */
function requireUser(config) {
  const { secret } = tokenSettings(config);
  return async (ctx, next) => {
    const match = /^Bearer (\S+)$/.exec(ctx.get('Authorization'));
    const claims = match ? verify(match[1], secret) : null;
    if (!claims || !Number.isInteger(claims.sub)) {
      ctx.set('WWW-Authenticate', 'Bearer realm="lab"');
      ctx.throw(401, 'authentication required');
    }
    ctx.state.user = { id: claims.sub, username: claims.username };
    await next();
  };
}

module.exports = { sign, verify, hashPassword, passwordMatches, tokenSettings, readJson, requireUser, WEAK_SECRET };
