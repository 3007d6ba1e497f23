"""The shop API: a small Flask application on SQLite.

Run: ``python3 app.py [PORT]`` (or ``PORT=...``; ``0`` picks a free port), ``LAB_MODE=vulnerable|remediated``.
It listens on 127.0.0.1 only and prints ``lab listening on http://127.0.0.1:<port> (<mode>)`` once it accepts
connections.
"""

import logging
import os
import sys
import time
import traceback
import uuid

import yaml
from flask import Flask, jsonify, request
from markupsafe import escape
from werkzeug.exceptions import HTTPException
from werkzeug.serving import WSGIRequestHandler, make_server

import config
import db
from views import accounts, catalogue, debug, documents, orders, pages, profile, tools

HOST = "127.0.0.1"
log = logging.getLogger("shop")


def create_app(settings=None):
    app = Flask(__name__)
    app.config.update(settings if settings is not None else config.load())
    mode = app.config["LAB_MODE"]
    app.json.sort_keys = False
    app.teardown_appcontext(db.close_db)

    with open(app.config["OPENAPI_FILE"], encoding="utf-8") as f:
        openapi = yaml.safe_load(f)

    @app.get("/healthz")
    def healthz():
        return jsonify(ok=True)

    @app.get("/openapi.json")
    def openapi_document():
        return jsonify(openapi)

    @app.get("/api")
    def api_index():
        return jsonify(service="shop-api", version="2.3.0", links={
            "login": "/api/login",
            "register": "/api/users",
            "me": "/api/me",
            "orders": "/api/orders",
            "products": "/api/products?search=grinder",
            "product": "/api/products/1",
            "documents": "/api/docs?template=statement.txt",
            "host_lookup": "/api/tools/lookup?host=localhost",
            "avatar": "/api/profile/avatar",
            "openapi": "/openapi.json",
        })

    for module in (pages, accounts, catalogue, orders, documents, tools, profile):
        app.register_blueprint(module.blueprint(mode))
    if mode == "vulnerable":
        app.register_blueprint(debug.blueprint())
        install_verbose_errors(app)
    else:
        install_generic_errors(app)
        install_hardening(app)
    return app


def install_verbose_errors(app):
    """Vulnerable: the development error handler that went to production. It answers every failure with the
    exception, the SQL that failed and the whole traceback, as JSON under /api and as a page elsewhere."""

    @app.errorhandler(HTTPException)
    def http_error(err):
        return jsonify(error=err.description, status=err.code), err.code

    @app.errorhandler(Exception)
    def server_error(err):
        name = f"{type(err).__module__}.{type(err).__name__}".replace("builtins.", "")
        trace = traceback.format_exc()
        log.error("%s %s failed: %s", request.method, request.path, trace)
        if not request.path.startswith("/api"):
            return (f"<!doctype html><title>{escape(name)} // Shop</title><h1>{escape(name)}</h1>"
                    f"<p>{escape(str(err))}</p><pre>{escape(trace)}</pre>", 500)
        body = {"error": f"{name}: {err}"}
        if getattr(err, "sql", None):
            body["query"] = err.sql
        body["traceback"] = trace.splitlines()
        return jsonify(body), 500


def install_generic_errors(app):
    """Remediated: clients get a short message and a request id; details go to the server log only."""

    @app.errorhandler(HTTPException)
    def http_error(err):
        return jsonify(error=err.description), err.code

    @app.errorhandler(Exception)
    def server_error(_err):
        request_id = str(uuid.uuid4())
        log.error("request %s: %s %s failed\n%s", request_id, request.method, request.path, traceback.format_exc())
        return jsonify(error="internal error", request_id=request_id), 500


def install_hardening(app):
    """Remediated: a fixed-window rate limit per client address announced with RateLimit headers, no MIME
    sniffing, no caching of API answers, no framing, and (with QuietRequestHandler) a Server header without versions."""
    limit = app.config["RATE_LIMIT_PER_MINUTE"]
    windows = {}

    @app.before_request
    def rate_limit():
        now = time.monotonic()
        start, count = windows.get(request.remote_addr, (now, 0))
        if now - start >= 60:
            start, count = now, 0
        windows[request.remote_addr] = (start, count + 1)
        request.rate_window = (start, count + 1)
        if count + 1 > limit:
            response = jsonify(error="too many requests")
            response.status_code = 429
            response.headers["Retry-After"] = str(max(1, int(60 - (now - start))))
            return response
        return None

    @app.after_request
    def headers(response):
        start, count = getattr(request, "rate_window", (time.monotonic(), 0))
        reset = max(0, int(60 - (time.monotonic() - start)))
        response.headers["RateLimit-Policy"] = f"{limit};w=60"
        response.headers["RateLimit"] = f"limit={limit}, remaining={max(0, limit - count)}, reset={reset}"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        if response.mimetype == "text/html":
            response.headers["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'"
            response.headers["X-Frame-Options"] = "DENY"
        return response


class QuietRequestHandler(WSGIRequestHandler):
    """Remediated: the development server's Server header names Werkzeug and Python with their versions."""

    def version_string(self):
        return "shop-api"


def main(argv):
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    port_text = argv[1] if len(argv) > 1 else os.environ.get("PORT", "5000")
    try:
        port = int(port_text)
        if not 0 <= port <= 65535:
            raise ValueError
    except ValueError:
        print(f"lab: PORT must be 0-65535, not {port_text!r}", file=sys.stderr)
        return 1
    try:
        settings = config.load()
        db.init_db(settings["DATABASE"])
        app = create_app(settings)
        handler = QuietRequestHandler if settings["LAB_MODE"] == "remediated" else WSGIRequestHandler
        server = make_server(HOST, port, app, threaded=True, request_handler=handler)
    except (ValueError, OSError) as err:
        print(f"lab: {err}", file=sys.stderr)
        return 1
    print(f"lab listening on http://{HOST}:{server.server_port} ({settings['LAB_MODE']})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
