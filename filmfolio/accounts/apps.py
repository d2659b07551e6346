"""App configuration for filmfolio.accounts."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "filmfolio.accounts"
    label = "accounts"
