"""App configuration for filmfolio.web."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "filmfolio.web"
    label = "web"
