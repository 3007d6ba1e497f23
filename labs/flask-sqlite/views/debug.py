"""GET /debug: added while chasing a configuration problem in staging, never removed.

Registered in vulnerable mode only; the remediated application has no such route.
"""

import os
import sys

from flask import Blueprint, current_app, jsonify


def blueprint():
    bp = Blueprint("debug", __name__)

    @bp.get("/debug")
    def show_debug():
        settings = {k: v if isinstance(v, (str, int, float, bool, type(None))) else str(v)
                    for k, v in current_app.config.items()}
        return jsonify(python=sys.version, cwd=os.getcwd(), pid=os.getpid(), config=settings,
                       environ=dict(os.environ))

    return bp
