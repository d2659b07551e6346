"""Posters and badges on the person, festival and home pages, and their empty states."""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client
from PIL import Image as PILImage

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.festivals.tests.factories import EditionFactory, EntryFactory, FestivalFactory
from filmfolio.films.models import Collaborator
from filmfolio.films.tests.factories import CreditFactory, FilmFactory, role
from filmfolio.media import services as media_services
from filmfolio.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.FILMFOLIO_MEDIA_WORK_DIR = str(tmp_path / "work")


def _png() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (300, 450), (20, 20, 20)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def world():
    owner = UserFactory.create()
    person = PersonFactory.create(display_name="Ann Director", slug="ann")
    festival = FestivalFactory.create(name="Reel", slug="reel")
    edition = EditionFactory.create(festival=festival, number=1, year=2020)
    shown = FilmFactory.create(title="Shown", slug="shown", year=2020)
    secret = FilmFactory.create(title="Secret", slug="secret", year=2021, private=True)
    for film in (shown, secret):
        Collaborator.objects.create(film=film, user=owner, role="owner")
        CreditFactory(film=film, person=person, role=role("director"))
        EntryFactory(film=film, edition=edition, won=True)
    poster = media_services.image_upload(
        film=shown, actor=owner, data=_png(), details=media_services.ImageDetails(is_poster=True)
    )
    hidden = media_services.image_upload(
        film=secret, actor=owner, data=_png(), details=media_services.ImageDetails(is_poster=True)
    )
    return {"owner": owner, "poster": poster, "hidden": hidden}


def posters(html: str) -> list[str]:
    return re.findall(r'<img class="card-poster" src="([^"]+)"', html)


@pytest.mark.parametrize("path", ["/people/ann/", "/festivals/reel/", "/"])
def test_pages_show_listed_posters_only(client: Client, world, path: str) -> None:
    html = client.get(path).content.decode()
    assert posters(html) == [f"/media/images/{world['poster'].public_id}/w300.webp"]
    assert str(world["hidden"].public_id) not in html
    assert "Secret" not in html
    assert "card-badge" not in html


@pytest.mark.parametrize("path", ["/people/ann/", "/festivals/reel/", "/"])
def test_the_owner_sees_the_private_film_with_its_badge(client: Client, world, path) -> None:
    client.force_login(world["owner"])
    html = client.get(path).content.decode()
    hidden = f"/media/images/{world['hidden'].public_id}/w300.webp"
    assert hidden in posters(html)
    assert html.count(">Private</span>") == 1
    assert re.search(r"Secret</span>\s*</a>\s*<span class=\"badge card-badge badge-private\"", html)


def test_person_page_without_biography_says_so(client: Client) -> None:
    person = PersonFactory.create(display_name="Bo", slug="bo")
    CreditFactory(film=FilmFactory.create(title="Film"), person=person)
    html = client.get("/people/bo/").content.decode()
    assert "No biography yet." in html
    assert '<span class="portrait" aria-hidden="true">B</span>' in html
    zh = client.get("/people/bo/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "暂无简介。" in zh


def test_home_without_films_invites_to_log_in(client: Client) -> None:
    html = client.get("/").content.decode()
    assert '<div class="empty"><p>No films yet.</p><p><a href="/accounts/login/">' in html
