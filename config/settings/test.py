"""Settings for the test suite: fast hashing, in-memory e-mail, immediate tasks by default."""

import os

os.environ.setdefault("FILMFOLIO_TEST", "1")

from .base import *  # noqa: F403
from .base import DATABASES, STATIC_ROOT

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

DEBUG = False
# A fixed address keeps expected links stable; tests of request-following links override it.
SITE_URL = "http://127.0.0.1:8000"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": None}
else:
    DATABASES["default"]["TEST"] = {"CHARSET": "UTF8", "TEMPLATE": "template0"}

# WhiteNoise warns (an error under pytest) when STATIC_ROOT does not exist yet.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
