"""App configuration for filmfolio.media."""

from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "filmfolio.media"
    label = "media"
