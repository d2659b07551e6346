"""App configuration for filmfolio.sharing."""

from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "filmfolio.sharing"
    label = "sharing"

    def ready(self) -> None:
        """Add the viewing reports to the studio and their heartbeat script to the film page."""
        from . import reports_panel, reports_studio

        reports_panel.register()
        reports_studio.register()
