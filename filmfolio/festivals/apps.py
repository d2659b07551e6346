"""App configuration for filmfolio.festivals."""

from django.apps import AppConfig


class FestivalsConfig(AppConfig):
    name = "filmfolio.festivals"
    label = "festivals"
