"""The product catalogue: GET /api/products?search=&category= and GET /api/products/<id>."""

from flask import Blueprint, abort, jsonify, request

from db import query

COLUMNS = "id, name, category, price_cents, stock"


def present(row):
    return {"id": row["id"], "name": row["name"], "category": row["category"],
            "price": f"${row['price_cents'] / 100:.2f}", "stock": row["stock"]}


def like_pattern(text):
    """A LIKE pattern matching text anywhere, with LIKE's own wildcards escaped (ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def blueprint(mode):
    bp = Blueprint("catalogue", __name__, url_prefix="/api")
    vulnerable = mode == "vulnerable"

    @bp.get("/products")
    def list_products():
        search = request.args.get("search", "")
        category = request.args.get("category")
        if vulnerable:
            sql = f"SELECT {COLUMNS} FROM products WHERE name LIKE '%" + search + "%'"
            if category:
                sql += " AND category = '" + category + "'"
            rows = query(sql + " ORDER BY id LIMIT 50")
        else:
            sql = f"SELECT {COLUMNS} FROM products WHERE name LIKE ? ESCAPE '\\'"
            params = [like_pattern(search)]
            if category:
                sql += " AND category = ?"
                params.append(category)
            rows = query(sql + " ORDER BY id LIMIT 50", params)
        return jsonify(count=len(rows), products=[present(r) for r in rows])

    @bp.get("/products/<int:product_id>")
    def get_product(product_id):
        row = query(f"SELECT {COLUMNS} FROM products WHERE id = ?", (product_id,), one=True)
        if row is None:
            abort(404, "no such product")
        return jsonify(present(row))

    return bp
