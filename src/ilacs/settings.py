"""Django settings: environment variables only.

SQLite file under ILACS_DATA_DIR (default ./var) unless DATABASE_URL is set (PostgreSQL in
production and in CI's second run). Every variable is listed in docs/web.md.
"""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("ILACS_DATA_DIR", Path.cwd() / "var")).resolve()

_ON = {"1", "true", "yes", "on"}
_OFF = {"0", "false", "no", "off"}


def _env(name: str) -> str | None:
    """The variable's value, or None when it is unset or blank."""
    value = os.environ.get(name, "").strip()
    return value or None


def _env_bool(name: str, default: bool) -> bool:
    """A switch. Anything but the words below is a mistake to report at start-up: a typo such as
    ILACS_HTTPS=ture must not quietly turn HTTPS off."""
    value = _env(name)
    if value is None:
        return default
    if value.lower() in _ON:
        return True
    if value.lower() in _OFF:
        return False
    raise ImproperlyConfigured(
        f"{name} is {value!r}: set it to 1, true, yes or on to turn it on, "
        "or 0, false, no or off to turn it off."
    )


def _env_number(name: str, default: float, kind: type) -> float:
    value = _env(name)
    if value is None:
        return default
    try:
        number = kind(value)
    except ValueError:
        whole = "whole " if kind is int else ""
        raise ImproperlyConfigured(f"{name} is {value!r}: it must be a {whole}number.") from None
    if number < 0:
        raise ImproperlyConfigured(f"{name} is {value!r}: it must not be negative.")
    return number


def _env_int(name: str, default: int) -> int:
    return int(_env_number(name, default, int))


def _env_float(name: str, default: float) -> float:
    return _env_number(name, default, float)


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = _env_bool("ILACS_DEBUG", False)
# A development key is generated per data directory when none is given; production sets
# ILACS_SECRET_KEY. No secret lives in the repository.
SECRET_KEY = os.environ.get("ILACS_SECRET_KEY", "")
if not SECRET_KEY:
    from ilacs.secret import development_secret_key

    SECRET_KEY = development_secret_key(DATA_DIR)

ALLOWED_HOSTS = _env_list("ILACS_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = _env_list("ILACS_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    # before django.contrib.auth: its createsuperuser replaces Django's (password rules always)
    "ilacs.accounts",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "govuk_frontend_django",
    "axes",
    "simple_history",
    "ilacs.localauthorities",
    "ilacs.audit",
    "ilacs.inspections",
    "ilacs.plans",
    "ilacs.search",
    "ilacs.exports",
    "ilacs.measures",
    "ilacs.evidence",
    "ilacs.selfevaluation",
    "ilacs.assessments",
    "ilacs.national",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ilacs.middleware.NoStoreForSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Records service administrators' views of a council's plan pages (ilacs/audit).
    "ilacs.audit.middleware.AuditMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ilacs.urls"
# Backups and plan files keep times to the microsecond (Django's JSON cuts them to milliseconds).
SERIALIZATION_MODULES = {"ilacs-json": "ilacs.serialisation"}
WSGI_APPLICATION = "ilacs.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ilacs.accounts.context_processors.navigation",
            ],
            # the GOV.UK form components' filters (templates/includes/): ilacs is not an app
            "libraries": {"govuk_fields": "ilacs.templatetags.govuk_fields"},
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'ilacs.sqlite3'}",
        conn_max_age=_env_int("ILACS_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Static files and uploads -------------------------------------------------------------------
# GOV.UK Frontend's compiled assets are committed under ilacs/static (no npm at install time) and
# served by WhiteNoise from STATIC_ROOT after `collectstatic` (`ilacs serve` and `ilacs demo` run
# it).
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("ILACS_STATIC_ROOT", DATA_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded reports are private: never served from a public URL, only through a view that checks
# permissions. Any Django storage backend works (django-storages for S3-compatible stores).
MEDIA_ROOT = Path(os.environ.get("ILACS_MEDIA_ROOT", DATA_DIR / "media"))
MEDIA_URL = "media/"
STORAGES = {
    "default": {
        "BACKEND": os.environ.get(
            "ILACS_FILE_STORAGE", "django.core.files.storage.FileSystemStorage"
        ),
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Largest report accepted by upload and `ilacs ingest`, in MB of 1,000,000 bytes (ilacs.units).
ILACS_MAX_UPLOAD_MB = _env_float("ILACS_MAX_UPLOAD_MB", 50)
# Largest spreadsheet of measures' values or audit results accepted (browser and command line).
ILACS_MAX_IMPORT_MB = _env_float("ILACS_MAX_IMPORT_MB", 5)
# Largest evidence file (attached to an action or a progress update) accepted, in MB.
ILACS_EVIDENCE_MAX_MB = _env_float("ILACS_EVIDENCE_MAX_MB", 20)
# Seconds one report may take to read; the reader runs in a worker process that is then killed.
ILACS_EXTRACT_TIMEOUT = _env_float("ILACS_EXTRACT_TIMEOUT", 60)
# Request bodies larger than this are refused before they reach a view (the upload form's file
# goes to a temporary file above FILE_UPLOAD_MAX_MEMORY_SIZE).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Sign-in, sessions and security -------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Serve over HTTPS in production (ILACS_HTTPS=1): cookies are then only sent over HTTPS.
HTTPS = _env_bool("ILACS_HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A session lasts a working day, and ends when the browser closes.
SESSION_COOKIE_AGE = int(_env_float("ILACS_SESSION_HOURS", 8) * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts, styles, images and fonts only from ilacs itself, no
# inline script or style anywhere (GOV.UK Frontend is started from static/ilacs/init.js), no
# plugins, forms post only to ilacs, and no page may be framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_SSL_REDIRECT = _env_bool("ILACS_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = _env_int("ILACS_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
if _env_bool("ILACS_TRUST_X_FORWARDED_PROTO", False):
    # Only behind a proxy that sets this header itself.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Reverse proxies in front of ilacs (addresses or networks, e.g. "10.0.0.0/8"): only then is
# X-Forwarded-For read for the client's address (ilacs/accounts/client.py). Empty: ignored.
ILACS_TRUSTED_PROXIES = _env_list("ILACS_TRUSTED_PROXIES")
for _proxy in ILACS_TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"ILACS_TRUSTED_PROXIES has {_proxy!r}: each entry must be an address or a network "
            "such as 10.0.0.5 or 10.1.0.0/16."
        ) from None

# django-axes: pause sign-in after repeated failures for one username from one address, or from
# one address whatever the usernames (one address trying many usernames).
ILACS_LOCKOUT_FAILURES = _env_int("ILACS_LOCKOUT_FAILURES", 5)
ILACS_LOCKOUT_ADDRESS_FAILURES = _env_int("ILACS_LOCKOUT_ADDRESS_FAILURES", 20)
AXES_FAILURE_LIMIT = "ilacs.accounts.client.failure_limit"
AXES_COOLOFF_TIME = timedelta(minutes=_env_int("ILACS_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_CLIENT_IP_CALLABLE = "ilacs.accounts.client.client_ip"
# Axes would forget every failure from the address on a success; ilacs forgets only the signed-in
# username's own (ilacs.accounts.signals), so a valid account cannot wipe the address's count.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "ilacs.accounts.views.locked_out"
AXES_VERBOSE = False

# --- E-mail (invitations, password reset links) ---------------------------------------------------
# ILACS_EMAIL: "console" (the default: e-mails are printed in the server's log), "file" (one file
# per e-mail in ILACS_EMAIL_FILE_PATH) or "smtp" (ILACS_EMAIL_HOST and the rest).
_EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}
_email = os.environ.get("ILACS_EMAIL", "console").strip().lower()
if _email not in _EMAIL_BACKENDS:
    raise ValueError(f"ILACS_EMAIL must be one of {', '.join(_EMAIL_BACKENDS)}, not {_email!r}")
EMAIL_BACKEND = _EMAIL_BACKENDS[_email]
EMAIL_FILE_PATH = Path(os.environ.get("ILACS_EMAIL_FILE_PATH", DATA_DIR / "emails"))
EMAIL_HOST = os.environ.get("ILACS_EMAIL_HOST", "localhost")
EMAIL_PORT = _env_int("ILACS_EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("ILACS_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("ILACS_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("ILACS_EMAIL_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("ILACS_EMAIL_FROM", "ilacs <ilacs@localhost>")
# A password reset or invitation link works for this long.
PASSWORD_RESET_TIMEOUT = _env_int("ILACS_PASSWORD_LINK_DAYS", 3) * 86400

LOG_LEVEL = (_env("ILACS_LOG_LEVEL") or "WARNING").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(
        f"ILACS_LOG_LEVEL is {os.environ['ILACS_LOG_LEVEL']!r}: "
        "use DEBUG, INFO, WARNING, ERROR or CRITICAL."
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
