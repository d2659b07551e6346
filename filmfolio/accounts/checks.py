"""System checks of the accounts settings: the trusted proxies must be addresses or ranges."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .throttling import trusted_proxies


def check_trusted_proxies(**kwargs: Any) -> list[checks.CheckMessage]:
    """``FILMFOLIO_TRUSTED_PROXIES`` reads as IP addresses or CIDR ranges."""
    try:
        trusted_proxies(tuple(getattr(settings, "FILMFOLIO_TRUSTED_PROXIES", ())))
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="filmfolio.E001")]
    return []
