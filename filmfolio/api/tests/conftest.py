"""Fixtures for API tests."""

from __future__ import annotations

import pytest

from filmfolio.api.choices import TokenScope
from filmfolio.api.services.tokens import api_token_create

from .factories import UserFactory


@pytest.fixture
def owner(db):
    return UserFactory(username="owner")


@pytest.fixture
def owner_key(owner) -> str:
    _token, key = api_token_create(user=owner, name="script", scope=TokenScope.WRITE)
    return key


@pytest.fixture
def auth(owner_key) -> dict[str, str]:
    """Headers of a request authenticated with the owner's token."""
    return {"Authorization": f"Bearer {owner_key}"}
