"""Benchmark-only settings: the production settings with a URLconf that adds a bare view."""

from config.settings.prod import *  # noqa: F403

ROOT_URLCONF = "bench.pages_urls"
SECURE_SSL_REDIRECT = False
