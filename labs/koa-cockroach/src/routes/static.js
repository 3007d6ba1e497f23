'use strict';

// GET /static/<name>: the few public assets, listed once at start-up (nothing else is served).

const fs = require('node:fs');
const path = require('node:path');

const TYPES = new Map([['.png', 'image/png'], ['.css', 'text/css; charset=utf-8'], ['.txt', 'text/plain; charset=utf-8']]);

function routes(router, { config }) {
  const assets = new Map();
  for (const name of fs.readdirSync(config.staticDir)) {
    const file = path.join(config.staticDir, name);
    if (fs.statSync(file).isFile()) {
      assets.set(name, { body: fs.readFileSync(file), type: TYPES.get(path.extname(name)) || 'application/octet-stream' });
    }
  }
  router.get('/static/:name', (ctx) => {
    const asset = assets.get(ctx.params.name);
    if (!asset) ctx.throw(404, 'not found');
    ctx.type = asset.type;
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = asset.body;
  });
}

module.exports = { routes };
