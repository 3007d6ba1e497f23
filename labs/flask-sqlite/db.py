"""SQLite access in the Flask tutorial's style: one connection per request in ``g``, closed on teardown.

``query`` is the one helper the views use. A failing statement re-raises the sqlite3 error with the SQL text
attached as ``err.sql`` (for the server log; what reaches the client is the error handler's choice).
"""

import secrets
import sqlite3
from pathlib import Path

from flask import current_app, g
from werkzeug.security import generate_password_hash

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    full_name TEXT,
    role TEXT NOT NULL DEFAULT 'customer',
    is_admin INTEGER NOT NULL DEFAULT 0,
    avatar_url TEXT,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS products (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    price_cents INTEGER NOT NULL,
    stock INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id),
    quantity INTEGER NOT NULL,
    total_cents INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'placed'
);
"""

# Lab logins with known passwords (documented in the README); the others get a random password per start.
# Fictitious people with example.com addresses.
USERS = [
    (1, "margaret", "margaret.hale@example.com", None, "Margaret Hale", "admin", 1),
    (2, "alice", "alice@example.com", "alice-lab-password", "Alice Lab", "customer", 0),
    (3, "bob", "bob@example.com", "bob-lab-password", "Bob Lab", "customer", 0),
    (4, "carol", "carol.diaz@example.com", None, "Carol Diaz", "customer", 0),
]

PRODUCTS = [
    (1, "Espresso grinder", "grinders", 18900, 12),
    (2, "Hand grinder", "grinders", 6400, 25),
    (3, "Pour-over kettle", "kettles", 5400, 30),
    (4, "Ceramic dripper", "brewers", 2600, 55),
    (5, "Paper filters (100)", "filters", 700, 400),
    (6, "Milk jug", "accessories", 1900, 41),
]

# id, user id, product id, quantity, status
ORDERS = [
    (1001, 2, 1, 1, "shipped"),
    (1002, 3, 3, 1, "placed"),
    (1003, 2, 5, 2, "delivered"),
    (1004, 4, 6, 1, "placed"),
]

# Werkzeug's pbkdf2 with fewer rounds than its default, so the lab starts and logs in quickly.
PASSWORD_METHOD = "pbkdf2:sha256:60000"


def connect(path):
    conn = sqlite3.connect(path, timeout=5)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def get_db():
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
    return g.db


def close_db(_error=None):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def query(sql, params=(), one=False, commit=False):
    """Runs one statement; rows as sqlite3.Row (or the first row, or None, with one=True)."""
    conn = get_db()
    try:
        cur = conn.execute(sql, params)
        rows = cur.fetchall()
        if commit:
            conn.commit()
    except sqlite3.Error as err:
        err.sql = sql
        raise
    if commit:
        return cur
    return (rows[0] if rows else None) if one else rows


def init_db(path):
    """Creates the schema and the seed rows; idempotent, so it runs on every start."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = connect(path)
    try:
        conn.executescript(SCHEMA)
        for uid, username, email, password, name, role, is_admin in USERS:
            pw_hash = generate_password_hash(password or secrets.token_urlsafe(16), method=PASSWORD_METHOD)
            conn.execute(
                "INSERT OR IGNORE INTO users (id, username, email, password_hash, full_name, role, is_admin)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (uid, username, email, pw_hash, name, role, is_admin),
            )
        conn.executemany("INSERT OR IGNORE INTO products VALUES (?, ?, ?, ?, ?)", PRODUCTS)
        prices = {p[0]: p[3] for p in PRODUCTS}
        conn.executemany(
            "INSERT OR IGNORE INTO orders VALUES (?, ?, ?, ?, ?, ?)",
            [(oid, uid, pid, qty, prices[pid] * qty, status) for oid, uid, pid, qty, status in ORDERS],
        )
        conn.commit()
    finally:
        conn.close()


def public_user(row):
    """What the API shows of an account (never the password hash)."""
    return {
        "id": row["id"],
        "username": row["username"],
        "email": row["email"],
        "full_name": row["full_name"],
        "role": row["role"],
        "is_admin": bool(row["is_admin"]),
        "avatar_url": row["avatar_url"],
        "created_at": row["created_at"],
    }
