"""App configuration for filmfolio.importer."""

from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "filmfolio.importer"
    label = "importer"
