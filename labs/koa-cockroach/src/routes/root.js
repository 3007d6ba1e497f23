'use strict';

// GET / (the API index the SPA starts from) and GET /healthz (readiness probe).

function selfOrigin(ctx) {
  return `http://127.0.0.1:${ctx.req.socket.localPort}`;
}

function links(ctx) {
  return {
    data: '/data?table=products&userId=1',
    products: '/products?sort=name&order=asc',
    search: '/products/search?q=grinder',
    product: '/products/1',
    users: '/users',
    orders: '/orders',
    me: '/me',
    files: '/files?name=readme.txt',
    avatar: `/avatar?url=${selfOrigin(ctx)}/static/logo.png`,
    logo: '/static/logo.png',
    health: '/healthz',
  };
}

function routes(router) {
  router.get('/', (ctx) => {
    ctx.body = { service: 'shop-api', version: '1.4.2', links: links(ctx) };
  });
  router.get('/healthz', (ctx) => {
    ctx.body = { ok: true };
  });
}

module.exports = { routes };
