"""The language kept on a user's account: set by the site's language switch, read wherever
something is written to the user outside a request (e-mails: run reminders, a festival's
notification)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction

from .models import AccountSettings


def _known(language: str) -> bool:
    return language in {code for code, _name in settings.LANGUAGES}


def user_language_set(*, user: Any, language: str) -> bool:
    """Keep ``language`` (one of ``settings.LANGUAGES``) on ``user``'s account; an unknown
    language or an anonymous user changes nothing. True when it changed.

    Like the language cookie it stands beside, it is the user's own preference, not content of
    the site: no change record is written (one would give every page a new version)."""
    if not getattr(user, "is_authenticated", False) or not _known(language):
        return False
    with transaction.atomic():
        found, _created = AccountSettings.objects.select_for_update().get_or_create(user=user)
        if found.language == language:
            return False
        found.language = language
        found.save(update_fields=["language", "updated_at"])
    return True


def user_language(user: Any, fallback: str = "") -> str:
    """The language of ``user``'s account, else ``fallback`` when it is a known language, else
    the site's."""
    kept = AccountSettings.objects.filter(user=user).values_list("language", flat=True).first()
    for language in (kept, fallback):
        if language and _known(language):
            return language
    return settings.LANGUAGE_CODE
