"""Django settings: environment variables only.

SQLite file under ILACS_DATA_DIR (default ./var) unless DATABASE_URL is set (PostgreSQL in
production and in CI's second run). Every variable is listed in docs/web.md.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("ILACS_DATA_DIR", Path.cwd() / "var")).resolve()


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


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
    "ilacs.inspections",
    "ilacs.plans",
    "ilacs.measures",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ilacs.urls"
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
        conn_max_age=int(os.environ.get("ILACS_CONN_MAX_AGE", "60")),
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
ILACS_MAX_UPLOAD_MB = float(os.environ.get("ILACS_MAX_UPLOAD_MB", "50"))
# Largest spreadsheet of measures' values or audit results accepted (browser and command line).
ILACS_MAX_IMPORT_MB = float(os.environ.get("ILACS_MAX_IMPORT_MB", "5"))
# Seconds one report may take to read; the reader runs in a worker process that is then killed.
ILACS_EXTRACT_TIMEOUT = float(os.environ.get("ILACS_EXTRACT_TIMEOUT", "60"))
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
SESSION_COOKIE_AGE = int(float(os.environ.get("ILACS_SESSION_HOURS", "8")) * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = _env_bool("ILACS_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("ILACS_HSTS_SECONDS", "31536000" if HTTPS else "0"))
if _env_bool("ILACS_TRUST_X_FORWARDED_PROTO", False):
    # Only behind a proxy that sets this header itself.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# django-axes: lock a username at one address out after repeated failed sign-ins.
AXES_FAILURE_LIMIT = int(os.environ.get("ILACS_LOCKOUT_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("ILACS_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ilacs.accounts.views.locked_out"
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ILACS_LOG_LEVEL", "WARNING")},
}
