"""Settings shared by every environment; everything that varies comes from the environment.

See docs/configuration.md for the variables. The defaults are the embedded mode: SQLite in
``var/``, the database-backed task queue and local media files.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("FILMFOLIO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated environment variable."""
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


SECRET_KEY = os.environ.get("FILMFOLIO_SECRET_KEY", "filmfolio-insecure-development-key")
DEBUG = env_bool("FILMFOLIO_DEBUG", False)
ALLOWED_HOSTS = env_list("FILMFOLIO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "filmfolio.core",
    "filmfolio.accounts",
    "filmfolio.sharing",
    "filmfolio.people",
    "filmfolio.media",
    "filmfolio.films",
    "filmfolio.festivals",
    "filmfolio.copies",
    "filmfolio.calls",
    "filmfolio.circuit",
    "filmfolio.importer",
    "filmfolio.presskit",
    "filmfolio.search",
    "filmfolio.api",
    "filmfolio.web",
    "filmfolio.backups",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "filmfolio.media.middleware.SignedMediaMiddleware",
    "filmfolio.core.site.SiteAddressMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "filmfolio.sharing.middleware.ViewerMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "filmfolio.sharing.middleware.GrantHeadersMiddleware",
    "filmfolio.sharing.middleware.ScreenerOpensMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Forms render through the project's field template: label, required mark, help and errors
# beside the input (filmfolio/web/rendering.py).
FORM_RENDERER = "filmfolio.web.rendering.FormRenderer"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'filmfolio.sqlite3'}",
        conn_max_age=int(os.environ.get("FILMFOLIO_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the worker writes; IMMEDIATE avoids lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            "PRAGMA busy_timeout=20000; PRAGMA cache_size=-64000; PRAGMA mmap_size=268435456;"
        ),
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0 if os.environ.get("FILMFOLIO_TEST") else 60

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("简体中文"))]
LOCALE_PATHS = [BASE_DIR / "filmfolio" / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("FILMFOLIO_MEDIA_ROOT", VAR_DIR / "media"))

STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# S3-compatible object storage (AWS, MinIO, Garage...); media served by presigned URLs. Also the
# target of `filmfolio transfer --media s3`.
S3_STORAGE: dict[str, Any] = {
    "BACKEND": "storages.backends.s3.S3Storage",
    "OPTIONS": {
        "bucket_name": os.environ.get("FILMFOLIO_S3_BUCKET", "filmfolio"),
        "endpoint_url": os.environ.get("FILMFOLIO_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("FILMFOLIO_S3_REGION") or None,
        "access_key": os.environ.get("FILMFOLIO_S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("FILMFOLIO_S3_SECRET_ACCESS_KEY") or None,
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": int(os.environ.get("FILMFOLIO_S3_URL_SECONDS", "300")),
        "file_overwrite": True,
        "signature_version": "s3v4",
        "addressing_style": os.environ.get("FILMFOLIO_S3_ADDRESSING_STYLE", "path"),
    },
}
if os.environ.get("FILMFOLIO_STORAGE", "local") == "s3":
    STORAGES["default"] = S3_STORAGE

# FILMFOLIO_TASKS=rq runs background jobs on RQ + Redis (django-tasks-rq); default: database.
if os.environ.get("FILMFOLIO_TASKS", "db") == "rq":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {
        "default": {
            "URL": os.environ.get("FILMFOLIO_REDIS_URL", "redis://127.0.0.1:6379/0"),
            "DEFAULT_TIMEOUT": int(os.environ.get("FILMFOLIO_TASK_TIMEOUT_SECONDS", "21600")),
        }
    }
    _TASKS_BACKEND = "django_tasks_rq.RQBackend"
else:
    _TASKS_BACKEND = "django_tasks_db.DatabaseBackend"
TASKS = {"default": {"BACKEND": os.environ.get("FILMFOLIO_TASKS_BACKEND", _TASKS_BACKEND)}}

# Media limits: their defaults have one home, ``DEFAULTS`` in filmfolio/media/conf.py. An
# environment variable overrides its key only when it is set (tests set FILMFOLIO_MEDIA directly).
_MEDIA_ENVIRONMENT: dict[str, tuple[str, Any]] = {
    "FILMFOLIO_IMAGE_MAX_PIXELS": ("IMAGE_MAX_PIXELS", int),
    "FILMFOLIO_UPLOAD_MAX_BYTES": ("UPLOAD_MAX_BYTES", int),
    "FILMFOLIO_TRANSCODE_TIME_LIMIT": ("TRANSCODE_TIME_LIMIT_SECONDS", int),
    "FILMFOLIO_TRANSCODE_STALL_SECONDS": ("TRANSCODE_STALL_SECONDS", int),
    "FILMFOLIO_TRANSCODE_MAX_ATTEMPTS": ("TRANSCODE_MAX_ATTEMPTS", int),
    "FILMFOLIO_TRANSCODE_TIME_PER_SECOND": ("TRANSCODE_TIME_PER_SECOND", float),
    "FILMFOLIO_TRANSCODES_PER_USER": ("TRANSCODES_PER_USER", int),
    "FILMFOLIO_HEARTBEAT_SECONDS": ("HEARTBEAT_SECONDS", float),
    "FILMFOLIO_SWEEP_INTERVAL_SECONDS": ("SWEEP_INTERVAL_SECONDS", float),
    "FILMFOLIO_FFMPEG_THREADS": ("FFMPEG_THREADS", int),
    "FILMFOLIO_MEDIA_ACCEL_REDIRECT": ("ACCEL_REDIRECT_PREFIX", str),
    "FILMFOLIO_S3_URL_SECONDS": ("PRESIGNED_URL_SECONDS", int),
}
FILMFOLIO_MEDIA = {
    key: cast(os.environ[name])
    for name, (key, cast) in _MEDIA_ENVIRONMENT.items()
    if name in os.environ
}

# /healthz thresholds: the oldest waiting job, free space for media files
HEALTH_QUEUE_LAG_SECONDS = float(os.environ.get("FILMFOLIO_HEALTH_QUEUE_LAG_SECONDS", "300"))
HEALTH_MIN_FREE_BYTES = int(os.environ.get("FILMFOLIO_HEALTH_MIN_FREE_BYTES", str(1024**3)))

# helper processes that build documents during `filmfolio reindex` (0: one per core)
SEARCH_REBUILD_WORKERS = int(os.environ.get("FILMFOLIO_SEARCH_REBUILD_WORKERS", "0"))

EMAIL_BACKEND = os.environ.get(
    "FILMFOLIO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("FILMFOLIO_FROM_EMAIL", "filmfolio@localhost")
# SMTP, when FILMFOLIO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend
EMAIL_HOST = os.environ.get("FILMFOLIO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("FILMFOLIO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("FILMFOLIO_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("FILMFOLIO_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("FILMFOLIO_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("FILMFOLIO_EMAIL_USE_SSL", False)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# One cache shared by every web process and the worker: rate limits and page caches must not
# be counted per process. Files under var/ on one machine, Redis when FILMFOLIO_CACHE_URL is set.
CACHES: dict[str, dict[str, Any]]
if os.environ.get("FILMFOLIO_CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["FILMFOLIO_CACHE_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# Sessions read from that cache, written to both it and the database (a session the cache lost
# is read from the database): a signed-in request costs one query less.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


# Content-Security-Policy on every response (django-csp): scripts, styles, fonts only from the
# site itself, no inline script or style, no plugins, no framing. Media may also come from
# the object store's presigned URLs (its origin, or FILMFOLIO_CSP_MEDIA_ORIGINS). hls.js plays
# through blob: URLs and may start its worker from one. JSON-LD data blocks are not scripts
# and need no allowance. See docs/configuration.md.
def _media_origins() -> list[str]:
    origins = env_list("FILMFOLIO_CSP_MEDIA_ORIGINS", [])
    if origins or os.environ.get("FILMFOLIO_STORAGE", "local") != "s3":
        return origins
    endpoint = os.environ.get("FILMFOLIO_S3_ENDPOINT_URL", "")
    if endpoint:
        scheme, _sep, rest = endpoint.partition("://")
        return [f"{scheme}://{rest.split('/', 1)[0]}"]
    return ["https://*.amazonaws.com"]


_MEDIA_ORIGINS = _media_origins()
CONTENT_SECURITY_POLICY: dict[str, Any] = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_MEDIA_ORIGINS],
        "media-src": [SELF, "blob:", *_MEDIA_ORIGINS],
        "connect-src": [SELF, *_MEDIA_ORIGINS],
        "worker-src": [SELF, "blob:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Addresses or CIDR ranges of the reverse proxies in front of the site; X-Forwarded-For is read
# only from these (docs/configuration.md). Empty: the client is REMOTE_ADDR.
FILMFOLIO_TRUSTED_PROXIES = env_list("FILMFOLIO_TRUSTED_PROXIES", [])

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/accounts/profile/"
LOGOUT_REDIRECT_URL = "/"

SITE_NAME = "Filmfolio"
# Absolute links: this address when set, else the address each request came to (core.site).
SITE_URL = os.environ.get("FILMFOLIO_SITE_URL", "")

# One structured line per event, written once: Django's own loggers hand their records to the
# root handler instead of printing them themselves as well.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"structured": {"()": "filmfolio.core.logs.StructuredFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
    "loggers": {"django": {"handlers": [], "level": "INFO", "propagate": True}},
    "root": {"handlers": ["console"], "level": os.environ.get("FILMFOLIO_LOG_LEVEL", "WARNING")},
}
