"""App configuration for filmfolio.backups."""

from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "filmfolio.backups"
    label = "backups"
