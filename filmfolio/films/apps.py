"""App configuration for filmfolio.films."""

from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "filmfolio.films"
    label = "films"

    def ready(self) -> None:
        """People are listed and credited through films (the access policy decides), and
        films show people's names: a changed person gives their films a new version. The film
        page's panels are collected from ``panels.py`` of every app (``films.panels``), then the
        studio's sections: the film's own, then each app's ``studio.py``."""
        from filmfolio.people.hooks import PERSON_SHOWN, PersonShown
        from filmfolio.people.querysets import PERSON_LISTING, PersonListing

        from .access import creditable_people, listed_people
        from .changes import person_films_refreshed
        from .panels import PANELS
        from .person_access import editable_people
        from .studio import SECTIONS
        from .studio.film_sections import register

        PERSON_LISTING.register(
            PersonListing(
                key="films",
                listed=listed_people,
                creditable=creditable_people,
                editable=editable_people,
            )
        )
        PERSON_SHOWN.register(PersonShown(key="films", refresh=person_films_refreshed))
        PANELS.autodiscover()
        register()
        SECTIONS.autodiscover()
