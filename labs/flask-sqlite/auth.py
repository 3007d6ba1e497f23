"""Bearer tokens (HS256 JSON Web Tokens, built with the standard library) and the login_required decorator.

The vulnerable decoder looks the signing algorithm up in a table keyed by the token's own ``alg`` header, and
that table still holds the ``none`` entry added for unit tests: an unsigned token is then accepted as it is.
The remediated decoder accepts HS256 only.
"""

import base64
import functools
import hashlib
import hmac
import json
import time

from flask import current_app, g, jsonify, request

from db import query

ALGORITHMS = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512, "none": None}


class InvalidToken(Exception):
    pass


def _b64encode(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def issue_token(user_id, username, secret, ttl_seconds):
    now = int(time.time())
    header = _b64encode(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = _b64encode(json.dumps({"sub": str(user_id), "username": username, "iat": now,
                                     "exp": now + ttl_seconds}, separators=(",", ":")).encode())
    signature = hmac.new(secret.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64encode(signature)}"


def decode_token(token, secret, mode):
    """The claims of a valid, unexpired token; InvalidToken otherwise."""
    try:
        header_b64, payload_b64, signature_b64 = token.split(".")
        header = json.loads(_b64decode(header_b64))
        claims = json.loads(_b64decode(payload_b64))
        signature = _b64decode(signature_b64)
    except ValueError as err:
        raise InvalidToken("malformed token") from err
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise InvalidToken("malformed token")
    alg = header.get("alg")
    if mode == "vulnerable":
        if alg not in ALGORITHMS:
            raise InvalidToken("unsupported algorithm")
        digest = ALGORITHMS[alg]
    else:
        if alg != "HS256":
            raise InvalidToken("unsupported algorithm")
        digest = hashlib.sha256
    if digest is not None:
        expected = hmac.new(secret.encode(), f"{header_b64}.{payload_b64}".encode(), digest).digest()
        if not hmac.compare_digest(expected, signature):
            raise InvalidToken("bad signature")
    exp = claims.get("exp")
    if not isinstance(exp, int) or exp <= time.time():
        raise InvalidToken("expired")
    return claims


def _unauthorized(message):
    response = jsonify(error=message)
    response.status_code = 401
    response.headers["WWW-Authenticate"] = 'Bearer realm="shop"'
    return response


def login_required(view):
    """Sets g.user (the account row) from the bearer token, or answers 401."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return _unauthorized("authentication required")
        try:
            claims = decode_token(header[len("Bearer "):].strip(), current_app.config["JWT_SECRET"],
                                  current_app.config["LAB_MODE"])
        except InvalidToken as err:
            return _unauthorized(f"invalid token: {err}")
        user = query("SELECT * FROM users WHERE id = ?", (str(claims.get("sub")),), one=True)
        if user is None:
            return _unauthorized("unknown account")
        g.user = user
        return view(*args, **kwargs)

    return wrapped
