"""Accounts: log in, register, read and update users, delete one's own account, and the caller's profile."""

import sqlite3

from flask import Blueprint, abort, current_app, g, jsonify, request
from werkzeug.security import check_password_hash, generate_password_hash

from auth import issue_token, login_required
from db import PASSWORD_METHOD, public_user, query

# Columns a registration may set. The vulnerable list is the table's own column list, role and is_admin included.
REGISTRATION_COLUMNS = {"vulnerable": ("username", "email", "full_name", "role", "is_admin", "avatar_url"),
                        "remediated": ("username", "email", "full_name")}
UPDATABLE = ("email", "full_name")
# Refused at registration in the remediated mode, with anything shorter than twelve characters.
COMMON_PASSWORDS = {"password1234", "123456789012", "qwertyuiopas", "passwordpassword", "letmeinletmein"}
# Compared against when the username is unknown, so both failures cost one hash check.
DUMMY_HASH = generate_password_hash("not-a-password", method=PASSWORD_METHOD)


def body():
    """The JSON object of the request, or its form fields."""
    data = request.get_json(silent=True)
    if data is None:
        data = request.form.to_dict()
    if not isinstance(data, dict):
        abort(400, "body must be a JSON object")
    return data


def text_field(data, name, required=False, limit=200):
    value = data.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        abort(400, f"{name} must be a non-empty string of at most {limit} characters")
    return value.strip()


def may_manage(user_id):
    return g.user["id"] == user_id or bool(g.user["is_admin"])


def blueprint(mode):
    bp = Blueprint("accounts", __name__, url_prefix="/api")
    vulnerable = mode == "vulnerable"

    @bp.post("/login")
    def login():
        data = body()
        username = str(data.get("username", ""))
        password = str(data.get("password", ""))
        if vulnerable:
            user = query("SELECT id, username, password_hash FROM users WHERE username = '" + username + "'",
                         one=True)
            if user is None:
                return jsonify(error="No account found for that username"), 404
            if not check_password_hash(user["password_hash"], password):
                return jsonify(error="Incorrect password"), 401
        else:
            user = query("SELECT id, username, password_hash FROM users WHERE username = ?", (username,), one=True)
            valid = check_password_hash(user["password_hash"] if user else DUMMY_HASH, password)
            if user is None or not valid:
                return jsonify(error="invalid username or password"), 401
        ttl = current_app.config["JWT_TTL_SECONDS"]
        token = issue_token(user["id"], user["username"], current_app.config["JWT_SECRET"], ttl)
        return jsonify(access_token=token, token_type="Bearer", expires_in=ttl)

    @bp.post("/users")
    def register():
        data = body()
        password = text_field(data, "password", required=True)
        # vulnerable: any non-empty password will do, "a" included
        if not vulnerable and (len(password) < 12 or password.lower() in COMMON_PASSWORDS):
            return jsonify(error="password must be at least 12 characters and not a common password"), 400
        text_field(data, "username", required=True, limit=40)
        text_field(data, "email", required=True)
        fields = {k: data[k] for k in REGISTRATION_COLUMNS[mode] if data.get(k) is not None}
        if not vulnerable:
            fields = {k: text_field(data, k) for k in fields}
        fields["password_hash"] = generate_password_hash(password, method=PASSWORD_METHOD)
        columns = ", ".join(fields)
        marks = ", ".join("?" for _ in fields)
        try:
            cur = query(f"INSERT INTO users ({columns}) VALUES ({marks})", tuple(fields.values()), commit=True)
        except sqlite3.IntegrityError:
            return jsonify(error="that username is taken"), 409
        user = query("SELECT * FROM users WHERE id = ?", (cur.lastrowid,), one=True)
        return jsonify(public_user(user)), 201, {"Location": f"/api/users/{user['id']}"}

    @bp.get("/users")
    @login_required
    def list_users():
        if not g.user["is_admin"]:
            abort(403, "administrators only")
        return jsonify(users=[public_user(u) for u in query("SELECT * FROM users ORDER BY id")])

    @bp.get("/users/<int:user_id>")
    @login_required
    def get_user(user_id):
        if not may_manage(user_id):
            abort(403, "not your account")
        user = query("SELECT * FROM users WHERE id = ?", (user_id,), one=True)
        if user is None:
            abort(404, "no such user")
        return jsonify(public_user(user))

    @bp.route("/users/<int:user_id>", methods=["PUT", "PATCH"])
    @login_required
    def update_user(user_id):
        # vulnerable: the ownership check that guards GET was never added here
        if not vulnerable and not may_manage(user_id):
            abort(403, "not your account")
        if query("SELECT id FROM users WHERE id = ?", (user_id,), one=True) is None:
            abort(404, "no such user")
        data = body()
        changes = {k: text_field(data, k) for k in UPDATABLE if data.get(k) is not None}
        if data.get("password") is not None:
            changes["password_hash"] = generate_password_hash(text_field(data, "password"), method=PASSWORD_METHOD)
        if changes:
            assignments = ", ".join(f"{column} = ?" for column in changes)
            query(f"UPDATE users SET {assignments} WHERE id = ?", (*changes.values(), user_id), commit=True)
        return jsonify(public_user(query("SELECT * FROM users WHERE id = ?", (user_id,), one=True)))

    @bp.delete("/users/<int:user_id>")
    @login_required
    def delete_user(user_id):
        if not may_manage(user_id):
            abort(403, "not your account")
        query("DELETE FROM users WHERE id = ?", (user_id,), commit=True)
        return "", 204

    @bp.get("/me")
    @login_required
    def me():
        return jsonify(public_user(g.user))

    return bp
