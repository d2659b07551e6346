"""Production settings, used by ``make run`` and deployments: DEBUG off, manifest static files,
a secret key kept in ``var/``, the hosts the server binds plus ``FILMFOLIO_ALLOWED_HOSTS``,
and the HTTPS rules once ``FILMFOLIO_HTTPS`` (or an https ``FILMFOLIO_SITE_URL``) says a TLS
proxy is in front. docs/operations.md explains each setting."""

import os

from .base import *  # noqa: F403
from .base import SITE_URL, STORAGES, VAR_DIR, env_bool, env_list
from .hosts import allowed_hosts
from .secret_key import secret_key_for

DEBUG = False
SECRET_KEY = secret_key_for(VAR_DIR)
ALLOWED_HOSTS = allowed_hosts(
    os.environ.get("FILMFOLIO_ADDRESS", "127.0.0.1:8000"),
    SITE_URL,
    env_list("FILMFOLIO_ALLOWED_HOSTS", []),
)
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

# Headers on every response.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

HTTPS = env_bool("FILMFOLIO_HTTPS", SITE_URL.startswith("https://"))
if HTTPS:
    # The TLS proxy in front sets X-Forwarded-Proto (and must overwrite one sent by a client).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("FILMFOLIO_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("FILMFOLIO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("FILMFOLIO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("FILMFOLIO_HSTS_PRELOAD", False)
    # Preloading is a promise to the browsers' list that cannot be taken back quickly: the
    # operator opts in with FILMFOLIO_HSTS_PRELOAD=1 (docs/operations.md).
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
else:
    # Plain HTTP (the embedded mode on a machine or a LAN): HSTS, the HTTPS redirect and
    # secure-only cookies would lock every visitor out, so their deploy checks are silenced
    # until FILMFOLIO_HTTPS is set (docs/operations.md, "HTTPS").
    SILENCED_SYSTEM_CHECKS = ["security.W004", "security.W008", "security.W012", "security.W016"]
