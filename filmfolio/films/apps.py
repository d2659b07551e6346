"""App configuration for filmfolio.films."""

from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "filmfolio.films"
    label = "films"

    def ready(self) -> None:
        """Films show people's names: a changed person gives their films a new version."""
        from filmfolio.people.hooks import PERSON_SHOWN, PersonShown

        from .changes import person_films_refreshed

        PERSON_SHOWN.register(PersonShown(key="films", refresh=person_films_refreshed))
