"""Support tools: GET /api/tools/lookup?host=<name> shows how the server resolves a host name.

The lookup reads the server's hosts file only (getent -s files), so the lab never queries DNS or leaves the
machine, whatever it is asked.
"""

import re
import subprocess

from flask import Blueprint, abort, jsonify, request

HOSTNAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")


def blueprint(mode):
    bp = Blueprint("tools", __name__, url_prefix="/api/tools")
    vulnerable = mode == "vulnerable"

    @bp.get("/lookup")
    def lookup():
        host = request.args.get("host", "localhost")
        if vulnerable:
            result = subprocess.run("getent -s files hosts " + host, shell=True, capture_output=True, text=True,
                                    timeout=5)
        else:
            if not HOSTNAME.match(host):
                abort(400, "host must be a host name")
            result = subprocess.run(["getent", "-s", "files", "hosts", host], capture_output=True, text=True,
                                    timeout=5)
        return jsonify(host=host, found=result.returncode == 0, output=result.stdout.splitlines())

    return bp
