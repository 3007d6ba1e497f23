"""The HTML side of the shop: the home page, product search, the language switch and the newsletter preview."""

from flask import Blueprint, make_response, redirect, render_template_string, request
from markupsafe import Markup

from db import query

LAYOUT = """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ title }} // Coffee Shop</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/search?q=grinder">Search</a> | <a href="/lang/fr?next=/search">Français</a>
 | <a href="/newsletter/preview?name=Alice">Newsletter</a> | <a href="/api">API</a> | <a href="/openapi.json">OpenAPI</a></nav>
<main>{{ content }}</main>
</body></html>"""

HOME = Markup("""<h1>Coffee Shop</h1>
<form action="/search" method="get"><input name="q" value="grinder"><button>Search</button></form>
<form action="/api/login" method="post"><input name="username"><input name="password" type="password">
<button>Log in</button></form>""")

OFFERS = "<ul><li>Espresso grinder: 10% off</li><li>Paper filters: buy two, get one free</li></ul>"


def page(title, content):
    return render_template_string(LAYOUT, title=title, content=content, lang=request.cookies.get("lang", "en"))


def safe_next(target):
    """A local path to go back to: relative, not protocol-relative, no backslashes; '/' otherwise."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def blueprint(mode):
    bp = Blueprint("pages", __name__)
    vulnerable = mode == "vulnerable"

    @bp.get("/")
    def home():
        return page("Home", HOME)

    @bp.get("/search")
    def search():
        q = request.args.get("q", "")
        rows = query("SELECT id, name, price_cents FROM products WHERE name LIKE ? ORDER BY id LIMIT 20",
                     ("%" + q + "%",))
        items = Markup("").join(Markup('<li><a href="/api/products/{}">{}</a> ${:.2f}</li>').format(
            r["id"], r["name"], r["price_cents"] / 100) for r in rows)
        if vulnerable:
            # the query is echoed into the heading as markup, "so the highlight tags render"
            heading = Markup(f"<h1>Results for <mark>{q}</mark></h1>")
        else:
            heading = Markup("<h1>Results for <mark>{}</mark></h1>").format(q)
        form = Markup('<form action="/search"><input name="q" value="{}"><button>Search</button></form>').format(q)
        return page("Search", heading + form + Markup("<ul>") + items + Markup("</ul>"))

    @bp.get("/lang/<code>")
    def set_language(code):
        target = request.args.get("next", "/")
        response = make_response(redirect(target if vulnerable else safe_next(target)))
        if code in ("en", "fr", "de"):
            response.set_cookie("lang", code, max_age=365 * 24 * 3600, samesite="Lax")
        return response

    @bp.get("/newsletter/preview")
    def newsletter_preview():
        name = request.args.get("name", "customer")
        if vulnerable:
            # the greeting is pasted into the template source itself
            html = render_template_string("<h2>Hello " + name + ",</h2><p>this week's offers:</p>" + OFFERS)
        else:
            html = render_template_string("<h2>Hello {{ name }},</h2><p>this week's offers:</p>" + OFFERS,
                                          name=name)
        return page("Newsletter", Markup(html))

    return bp
