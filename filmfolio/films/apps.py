"""App configuration for filmfolio.films."""

from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "filmfolio.films"
    label = "films"
