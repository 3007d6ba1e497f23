"""The caller's orders: GET /api/orders and GET /api/orders/<order_id>."""

from flask import Blueprint, abort, g, jsonify

from auth import login_required
from db import query

COLUMNS = "id, user_id, product_id, quantity, total_cents, status"


def blueprint(mode):
    bp = Blueprint("orders", __name__, url_prefix="/api")
    vulnerable = mode == "vulnerable"

    @bp.get("/orders")
    @login_required
    def list_orders():
        rows = query(f"SELECT {COLUMNS} FROM orders WHERE user_id = ? ORDER BY id", (g.user["id"],))
        return jsonify(count=len(rows), orders=[dict(r) for r in rows])

    @bp.get("/orders/<order_id>")
    @login_required
    def get_order(order_id):
        if vulnerable:
            # the owner is bound as a parameter, the id from the path is pasted in
            row = query(f"SELECT {COLUMNS} FROM orders WHERE user_id = ? AND id = " + order_id,
                        (g.user["id"],), one=True)
        else:
            if not order_id.isdigit():
                abort(404, "no such order")
            row = query(f"SELECT {COLUMNS} FROM orders WHERE user_id = ? AND id = ?", (g.user["id"], int(order_id)),
                        one=True)
        if row is None:
            abort(404, "no such order")
        return jsonify(dict(row))

    return bp
