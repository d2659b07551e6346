"""App configuration for filmfolio.api."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "filmfolio.api"
    label = "api"
