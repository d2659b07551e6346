"""Personal API tokens: created and revoked on their page, stored hashed, checked on use."""

from __future__ import annotations

import hashlib
import re

import pytest

from filmfolio.api.models import ApiToken

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_token_page_needs_login(client):
    response = client.get("/api/tokens/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_create_shows_key_once_and_stores_only_its_hash(client, owner):
    client.force_login(owner)
    response = client.post("/api/tokens/", {"name": "sync script"})
    assert response.status_code == 200
    key = re.search(r'id="new-token-key">(ffk_[^<]+)<', response.content.decode()).group(1)
    token = ApiToken.objects.get(user=owner)
    assert token.name == "sync script"
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert token.prefix == key[:10]
    assert key not in client.get("/api/tokens/").content.decode()
    films = client.get("/api/v1/films", headers={"Authorization": f"Bearer {key}"})
    assert films.status_code == 200
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None


def test_empty_name_is_refused_and_nothing_created(client, owner):
    client.force_login(owner)
    response = client.post("/api/tokens/", {"name": "   "})
    assert response.status_code == 400
    assert ApiToken.objects.count() == 0


def test_revoked_token_no_longer_works(client, owner, owner_key, auth):
    token = ApiToken.objects.get(user=owner)
    client.force_login(owner)
    response = client.post(f"/api/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    client.logout()
    assert client.get("/api/v1/films", headers=auth).status_code == 401


def test_others_cannot_revoke_my_token(client, owner, owner_key, auth):
    token = ApiToken.objects.get(user=owner)
    client.force_login(UserFactory())
    client.post(f"/api/tokens/{token.pk}/revoke/")
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
    client.logout()
    assert client.get("/api/v1/films", headers=auth).status_code == 200
