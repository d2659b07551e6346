"""App configuration for filmfolio.media."""

from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "filmfolio.media"
    label = "media"

    def ready(self) -> None:
        """Add this app's parts to the films' search documents, deletion and cards."""
        from . import film_parts

        film_parts.register()
