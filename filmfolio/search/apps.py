"""App configuration for filmfolio.search."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "filmfolio.search"
    label = "search"

    def ready(self) -> None:
        """Import every installed app's ``search_index`` module so that it registers."""
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("search_index")
