"""App configuration for filmfolio.search."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "filmfolio.search"
    label = "search"
