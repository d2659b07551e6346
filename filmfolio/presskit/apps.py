"""App configuration for filmfolio.presskit."""

from django.apps import AppConfig


class PresskitConfig(AppConfig):
    name = "filmfolio.presskit"
    label = "presskit"
