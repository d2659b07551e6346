"""App configuration for filmfolio.people."""

from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "filmfolio.people"
    label = "people"
