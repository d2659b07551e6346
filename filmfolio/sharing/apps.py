"""App configuration for filmfolio.sharing."""

from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "filmfolio.sharing"
    label = "sharing"

    def ready(self) -> None:
        from . import plays

        plays.register()
