"""Fixtures of the search tests: one indexed catalogue shared by a module's tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .catalogue import build_catalogue


@pytest.fixture(autouse=True, scope="session")
def _static_root() -> None:
    """WhiteNoise warns (an error in tests) when STATIC_ROOT does not exist yet."""
    from django.conf import settings

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="module")
def catalogue(django_db_setup: Any, django_db_blocker: Any) -> Iterator[dict[str, Any]]:
    """The test catalogue, committed for the module and removed afterwards."""
    with django_db_blocker.unblock():
        data = build_catalogue()
        yield data
        _remove_catalogue()


def _remove_catalogue() -> None:
    from django.contrib.auth import get_user_model

    from filmfolio.accounts.models import Organisation
    from filmfolio.core.models import ChangeRecord
    from filmfolio.festivals.models import Festival
    from filmfolio.films.models import Film
    from filmfolio.people.models import Person
    from filmfolio.search.models import SearchDocument, SearchTerm

    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()
    Film.objects.all().delete()
    Festival.objects.all().delete()
    Person.objects.all().delete()
    Organisation.objects.all().delete()
    get_user_model().objects.all().delete()
    ChangeRecord.objects.all().delete()
