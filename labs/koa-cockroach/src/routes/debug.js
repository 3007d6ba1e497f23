'use strict';

// GET /debug/env: added while chasing a configuration bug in staging, never removed.
// Only registered in vulnerable mode; the remediated app has no such route.

function vulnerable(router) {
  router.get('/debug/env', (ctx) => {
    ctx.body = {
      pid: process.pid,
      cwd: process.cwd(),
      node: process.version,
      uptimeSeconds: Math.round(process.uptime()),
      env: process.env,
    };
  });
}

module.exports = { vulnerable };
