"""App configuration for filmfolio.copies."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CopiesConfig(AppConfig):
    name = "filmfolio.copies"
    label = "copies"
    verbose_name = _("Burned copies")

    def ready(self) -> None:
        """Tell media to keep the clean streams from a burned link's holder (they get the
        link's own copy)."""
        from . import links

        links.register()
