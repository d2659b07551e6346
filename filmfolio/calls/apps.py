"""App configuration for filmfolio.calls."""

from django.apps import AppConfig


class CallsConfig(AppConfig):
    name = "filmfolio.calls"
    label = "calls"
