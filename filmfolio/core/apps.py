"""App configuration for filmfolio.core."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "filmfolio.core"
    label = "core"

    def ready(self) -> None:
        from . import versions

        versions.connect()
