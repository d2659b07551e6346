"""App configuration for filmfolio.sharing."""

from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "filmfolio.sharing"
    label = "sharing"

    def ready(self) -> None:
        """Add the play gate, the viewing reports to the studio and their heartbeat script to
        the film page."""
        from . import plays, reports_panel, reports_studio

        plays.register()
        reports_panel.register()
        reports_studio.register()
