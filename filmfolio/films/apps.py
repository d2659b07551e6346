"""App configuration for filmfolio.films."""

from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "filmfolio.films"
    label = "films"

    def ready(self) -> None:
        """Collect the film page's panels: ``panels.py`` of every app (``films.panels``)."""
        from .panels import PANELS

        PANELS.autodiscover()
