"""App configuration for filmfolio.circuit."""

from django.apps import AppConfig


class CircuitConfig(AppConfig):
    name = "filmfolio.circuit"
    label = "circuit"
    verbose_name = "Festival run"

    def ready(self) -> None:
        """Tell the films app which changes would break a pending festival premiere."""
        from . import premieres

        premieres.register()
