"""POST /api/profile/avatar {"imageUrl": "..."}: the server downloads the caller's new profile picture."""

import ipaddress
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, g, jsonify, request

from auth import login_required
from db import query

MAX_BYTES = 1 << 20
TIMEOUT_SECONDS = 5
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def internal(address):
    ip = ipaddress.ip_address(address)
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast \
        or ip.is_unspecified


def allowed(url):
    """https on an allow-listed host name (never an IP literal) that resolves to public addresses only."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or parts.username or parts.password or not host:
        return False
    try:
        ipaddress.ip_address(host)
        return False
    except ValueError:
        pass
    if host not in current_app.config["AVATAR_ALLOWED_HOSTS"]:
        return False
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, parts.port or 443)}
    except OSError:
        return False
    return bool(addresses) and not any(internal(a) for a in addresses)


def blueprint(mode):
    bp = Blueprint("profile", __name__, url_prefix="/api/profile")
    vulnerable = mode == "vulnerable"

    @bp.post("/avatar")
    @login_required
    def set_avatar():
        data = request.get_json(silent=True) or {}
        url = data.get("imageUrl")
        if not isinstance(url, str) or not url:
            abort(400, "imageUrl is required")
        if vulnerable:
            opener = urllib.request.build_opener()
        else:
            if not allowed(url):
                abort(400, "avatar host not allowed")
            opener = urllib.request.build_opener(NoRedirects)
        try:
            with opener.open(url, timeout=TIMEOUT_SECONDS) as upstream:
                content_type = upstream.headers.get_content_type()
                image = upstream.read(MAX_BYTES + 1)
        except (urllib.error.URLError, ValueError, OSError) as err:
            if vulnerable:
                return jsonify(error="could not fetch imageUrl", detail=str(err)), 502
            abort(502, "avatar unavailable")
        if content_type not in IMAGE_TYPES or len(image) > MAX_BYTES:
            return jsonify(error="imageUrl is not an image of at most 1 MiB", content_type=content_type), 415
        query("UPDATE users SET avatar_url = ? WHERE id = ?", (url, g.user["id"]), commit=True)
        return jsonify(avatar_url=url, content_type=content_type, size=len(image))

    return bp
