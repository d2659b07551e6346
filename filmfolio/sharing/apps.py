"""App configuration for filmfolio.sharing."""

from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "filmfolio.sharing"
    label = "sharing"
