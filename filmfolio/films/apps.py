"""App configuration for filmfolio.films."""

from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "filmfolio.films"
    label = "films"

    def ready(self) -> None:
        """Collect the studio's sections: the film's own, then each app's ``studio.py``."""
        from .studio import SECTIONS
        from .studio.film_sections import register

        register()
        SECTIONS.autodiscover()
