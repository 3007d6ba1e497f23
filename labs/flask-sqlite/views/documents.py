"""Printable document templates: GET /api/docs?template=<name> (statement.txt when omitted)."""

import os

from flask import Blueprint, abort, current_app, request, send_from_directory

ALLOWED = ("statement.txt", "invoice.txt", "terms.txt")


def blueprint(mode):
    bp = Blueprint("documents", __name__, url_prefix="/api")
    vulnerable = mode == "vulnerable"

    @bp.get("/docs")
    def get_document():
        template = request.args.get("template", "statement.txt")
        directory = current_app.config["DOCUMENTS_DIR"]
        if vulnerable:
            # os.path.join keeps "../" segments and restarts at an absolute name: nothing confines the path
            path = os.path.join(directory, template)
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
            except (FileNotFoundError, IsADirectoryError):
                abort(404, f"no such template: {path}")
            return text, 200, {"Content-Type": "text/plain; charset=utf-8"}
        if template not in ALLOWED:
            abort(404, "no such template")
        # send_from_directory joins with werkzeug's safe_join, which refuses anything outside the directory
        return send_from_directory(directory, template, mimetype="text/plain")

    return bp
