"""App configuration for filmfolio.accounts."""

from django.apps import AppConfig
from django.core import checks


class AccountsConfig(AppConfig):
    name = "filmfolio.accounts"
    label = "accounts"

    def ready(self) -> None:
        from .checks import check_trusted_proxies

        checks.register(check_trusted_proxies)
