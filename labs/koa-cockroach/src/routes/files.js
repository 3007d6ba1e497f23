'use strict';

// GET /files?name=<file>: downloads of the shop's public documents.

const fs = require('node:fs/promises');
const path = require('node:path');

const TYPES = new Map([['.txt', 'text/plain; charset=utf-8'], ['.md', 'text/markdown; charset=utf-8'],
  ['.json', 'application/json'], ['.png', 'image/png']]);

function contentType(file) {
  return TYPES.get(path.extname(file).toLowerCase()) || 'application/octet-stream';
}

/**
 * Vulnerable: path.join normalises "../" segments but does not confine the result, so
 * ../../../../proc/self/environ, /proc/self/cgroup or /etc/passwd are one request away.
 */
function vulnerable(router, { config }) {
  router.get('/files', async (ctx) => {
    const name = ctx.query.name || 'readme.txt';
    const file = path.join(config.filesDir, name);
    try {
      ctx.body = await fs.readFile(file);
    } catch (err) {
      if (err.code === 'ENOENT') ctx.throw(404, `no such file: ${file}`);
      throw err;
    }
    ctx.type = contentType(file);
  });
}

/**
 * Remediated: the name must be on the allow-list, and the resolved path must still sit inside the
 * documents directory (defence in depth should the list ever hold a path).
 */
const ALLOWED_FILES = new Set(['readme.txt', 'terms.txt']);

function remediated(router, { config }) {
  const baseDir = path.resolve(config.filesDir);
  router.get('/files', async (ctx) => {
    const name = typeof ctx.query.name === 'string' ? ctx.query.name : 'readme.txt';
    const file = path.resolve(baseDir, name);
    if (!ALLOWED_FILES.has(name) || !file.startsWith(baseDir + path.sep)) ctx.throw(404, 'not found');
    ctx.body = await fs.readFile(file);
    ctx.type = contentType(file);
  });
}

module.exports = { vulnerable, remediated, ALLOWED_FILES };
