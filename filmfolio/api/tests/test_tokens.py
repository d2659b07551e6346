"""Personal API tokens: created and revoked on their page, stored hashed, checked on use."""

from __future__ import annotations

import datetime
import hashlib
import re

import pytest
from django.utils import timezone

from filmfolio.api.choices import TokenScope
from filmfolio.api.models import ApiToken
from filmfolio.api.services.tokens import api_token_create
from filmfolio.core.errors import ValidationFailedError
from filmfolio.films.models import Film

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_token_page_needs_login(client):
    response = client.get("/api/tokens/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_create_shows_key_once_and_stores_only_its_hash(client, owner):
    client.force_login(owner)
    response = client.post(
        "/api/tokens/", {"name": "sync script", "scope": "read", "lifetime_days": "90"}
    )
    assert response.status_code == 200
    key = re.search(r'id="new-token-key">(ffk_[^<]+)<', response.content.decode()).group(1)
    token = ApiToken.objects.get(user=owner)
    assert (token.name, token.scope) == ("sync script", "read")
    expires = token.expires_at.strftime("%Y-%m-%d %H:%M UTC")
    assert f"It may: Read. It expires on {expires}." in response.content.decode()
    assert round((token.expires_at - token.created_at).total_seconds()) == 90 * 24 * 3600
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


def _post_film(client, key: str, title: str):
    return client.post(
        "/api/v1/films",
        {"title": title},
        content_type="application/json",
        headers={"Authorization": f"Bearer {key}"},
    )


def test_a_read_token_reads_but_cannot_write(client, owner):
    _token, key = api_token_create(user=owner, name="reader")
    assert (
        client.get("/api/v1/films", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    )
    refused = _post_film(client, key, "Written by a reader")
    assert refused.status_code == 403
    assert refused.json() == {
        "error": {
            "code": "forbidden",
            "message": "This API token may only read. Create a token that may also write.",
            "fields": {},
        }
    }
    assert not Film.objects.filter(title="Written by a reader").exists()
    _token, writer = api_token_create(user=owner, name="writer", scope=TokenScope.WRITE)
    assert _post_film(client, writer, "Written by a writer").status_code == 201


def test_an_expired_token_gets_401_with_the_error_body(client, owner, owner_key, auth):
    assert client.get("/api/v1/films", headers=auth).status_code == 200
    ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    for response in (client.get("/api/v1/films", headers=auth), _post_film(client, owner_key, "X")):
        assert response.status_code == 401
        assert response.json() == {
            "error": {
                "code": "unauthenticated",
                "message": "Log in or send a valid API token.",
                "fields": {},
            }
        }
    assert not Film.objects.filter(title="X").exists()
    client.force_login(owner)
    assert "expired" in client.get("/api/tokens/").content.decode()


def test_tokens_default_to_read_for_90_days_and_bad_terms_are_refused(client, owner):
    token, _key = api_token_create(user=owner, name="defaults")
    assert token.scope == "read"
    assert round((token.expires_at - token.created_at).total_seconds()) == 90 * 24 * 3600
    with pytest.raises(ValidationFailedError, match="from 1 to 366 days"):
        api_token_create(user=owner, name="forever", lifetime_days=100000)
    with pytest.raises(ValidationFailedError, match="Choose what the token may do"):
        api_token_create(user=owner, name="root", scope="admin")
    client.force_login(owner)
    page = client.post("/api/tokens/", {"name": "x", "scope": "admin", "lifetime_days": "90"})
    assert page.status_code == 400
    assert list(ApiToken.objects.values_list("name", flat=True)) == ["defaults"]
