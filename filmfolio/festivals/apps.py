"""App configuration for filmfolio.festivals."""

from django.apps import AppConfig


class FestivalsConfig(AppConfig):
    name = "filmfolio.festivals"
    label = "festivals"

    def ready(self) -> None:
        """Add this app's parts to the films' search documents and deletion."""
        from . import film_parts

        film_parts.register()
