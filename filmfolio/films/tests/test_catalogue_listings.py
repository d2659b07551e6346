"""The catalogue as cards: filters from the search facets, page numbers, posters from media,
the badge of a viewer's non-public films, and what never leaks."""

from __future__ import annotations

import io
import re

import pytest
from django.core.paginator import Paginator
from django.test import Client
from PIL import Image as PILImage

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.festivals.tests.factories import EditionFactory, EntryFactory, FestivalFactory
from filmfolio.films.models import Collaborator, Film
from filmfolio.films.tests.factories import (
    CreditFactory,
    FilmCountryFactory,
    FilmFactory,
    FilmLanguageFactory,
)
from filmfolio.media import services as media_services
from filmfolio.media.models import Video
from filmfolio.search import index
from filmfolio.web.templatetags.listings import page_numbers

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return re.findall(r'<span class="card-title">(.*?)</span>', response.content.decode())


def poster_bytes(width: int = 400, height: int = 600) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), (30, 90, 160)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.FILMFOLIO_MEDIA_WORK_DIR = str(tmp_path / "work")


def own(film: Film, user, role: str = "owner") -> Film:
    Collaborator.objects.create(film=film, user=user, role=role)
    return film


@pytest.fixture
def world():
    """Seven films with facts to filter on, one private and one unlisted, indexed."""
    owner = UserFactory.create()
    reel = FestivalFactory.create(name="Cinéma du Réel", slug="cinema-du-reel")
    edition = EditionFactory.create(festival=reel, number=36, year=2014)
    films = {
        "Alpha": FilmFactory.create(title="Alpha", year=2014, kind="documentary"),
        "Beta": FilmFactory.create(title="Beta", year=2016, kind="short"),
        "Gamma": FilmFactory.create(title="Gamma", year=2021, kind="documentary"),
        "Delta": FilmFactory.create(title="Delta", year=2009, kind="feature"),
        "Epsilon": FilmFactory.create(title="Epsilon", year=2015, kind="documentary"),
        "Secret": own(FilmFactory.create(title="Secret", year=2015, private=True), owner),
        "Linked": own(FilmFactory.create(title="Linked", year=2015, unlisted=True), owner),
    }
    for name in ("Alpha", "Beta", "Secret"):
        FilmCountryFactory(film=films[name], country="FR")
    for name in ("Gamma", "Delta"):
        FilmCountryFactory(film=films[name], country="CN")
    for name in ("Alpha", "Gamma", "Secret"):
        FilmLanguageFactory(film=films[name], language="zh")
    FilmLanguageFactory(film=films["Beta"], language="fr")
    EntryFactory(film=films["Alpha"], edition=edition)
    EntryFactory(film=films["Epsilon"], edition=edition, won=True)
    EntryFactory(film=films["Secret"], edition=edition, won=True)
    index.rebuild(workers=1)
    return {"owner": owner, "films": films}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "FR"}, ["Alpha", "Beta"]),
        ({"country": "CN"}, ["Delta", "Gamma"]),
        ({"language": "zh"}, ["Alpha", "Gamma"]),
        ({"film_kind": "documentary"}, ["Alpha", "Epsilon", "Gamma"]),
        ({"festival": "cinema-du-reel"}, ["Alpha", "Epsilon"]),
        ({"award": "1"}, ["Epsilon"]),
        ({"year_min": "2014", "year_max": "2015"}, ["Alpha", "Epsilon"]),
        ({"decade": "2010"}, ["Alpha", "Beta", "Epsilon"]),
        ({"country": "FR", "film_kind": "documentary"}, ["Alpha"]),
        ({"country": ["FR", "CN"], "year_min": "2010"}, ["Alpha", "Beta", "Gamma"]),
        ({"country": "JP"}, []),
    ],
)
def test_filters_give_exactly_the_matching_listed_films(client: Client, world, params, expected):
    response = client.get("/films/", {**params, "sort": "title"})
    assert response.status_code == 200
    assert titles(response) == expected


def test_private_film_never_in_the_anonymous_list_filtered_or_not(client: Client, world):
    for params in ({}, {"country": "FR"}, {"award": "1"}, {"year_min": "2015"}):
        html = client.get("/films/", params).content.decode()
        assert "Secret" not in html, params
        assert "Linked" not in html, params
        assert "badge" not in html, params
    # nor in the facet counts: only Epsilon won, only Alpha and Beta are French
    html = client.get("/films/").content.decode()
    assert re.search(r"Award-winning</a> <span class=\"count\">1</span>", html)
    assert re.search(r"France</a> <span class=\"count\">2</span>", html)


def test_owner_sees_own_films_with_their_badge_in_every_list(client: Client, world):
    client.force_login(world["owner"])
    response = client.get("/films/", {"sort": "title"})
    assert titles(response) == [
        "Alpha",
        "Beta",
        "Delta",
        "Epsilon",
        "Gamma",
        "Linked",
        "Secret",
    ]
    html = response.content.decode()
    assert html.count('class="badge card-badge badge-private"') == 1
    assert html.count('class="badge card-badge badge-shared"') == 1
    assert re.search(r"Secret</span>\s*</a>\s*<span class=\"badge card-badge badge-private\"", html)
    assert re.search(r"Linked</span>\s*</a>\s*<span class=\"badge card-badge badge-shared\"", html)
    filtered = client.get("/films/", {"award": "1", "sort": "title"})
    assert titles(filtered) == ["Epsilon", "Secret"]
    assert filtered.content.decode().count(">Private</span>") == 1
    home = client.get("/").content.decode()
    assert home.count(">Private</span>") == 1
    assert home.count(">Shared</span>") == 1


def test_badge_only_for_the_team(client: Client, world):
    client.force_login(UserFactory.create())
    html = client.get("/films/").content.decode()
    assert "Secret" not in html
    assert "card-badge" not in html


def test_filter_in_chinese_names_the_kinds_and_countries(client: Client, world):
    html = client.get("/films/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert '纪录片</a> <span class="count">3</span>' in html
    assert '法国</a> <span class="count">2</span>' in html


def test_a_bad_year_is_said_and_changes_nothing(client: Client, world):
    response = client.get("/films/", {"year_min": "abc", "sort": "title"})
    assert response.status_code == 200
    assert titles(response) == ["Alpha", "Beta", "Delta", "Epsilon", "Gamma"]
    assert "A year is a number from 1870 to 2100; that filter was not applied." in (
        response.content.decode()
    )
    chinese = client.get("/films/", {"year_max": "99999"}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "年份须为 1870 至 2100 之间的数字；该筛选未生效。" in chinese.content.decode()


def test_page_numbers_elide_far_pages():
    paginator = Paginator(range(500), 20)
    assert page_numbers(paginator.page(10)) == [1, None, 8, 9, 10, 11, 12, None, 25]
    assert page_numbers(paginator.page(1)) == [1, 2, 3, None, 25]
    assert page_numbers(Paginator(range(60), 24).page(2)) == [1, 2, 3]


def test_catalogue_links_every_page_by_number(client: Client):
    for n in range(60):
        FilmFactory.create(title=f"Film {n:02d}", year=1950 + n)
    html = client.get("/films/", {"sort": "title", "page": "2"}).content.decode()
    numbers = re.findall(r'<a class="page-number"([^>]*)>(\d+)</a>', html)
    assert [number for _attrs, number in numbers] == ["1", "2", "3"]
    assert 'aria-current="page"' in numbers[1][0]
    assert 'href="?sort=title&amp;page=3"' in numbers[2][0]
    assert "Page 2 of 3" in html


def test_filtered_pages_are_numbered_too(client: Client):
    for n in range(45):
        FilmCountryFactory(film=FilmFactory.create(title=f"Film {n:02d}"), country="FR")
    FilmFactory.create(title="Elsewhere")
    index.rebuild(workers=1)
    first = client.get("/films/", {"country": "FR", "sort": "title"})
    assert titles(first) == [f"Film {n:02d}" for n in range(20)]
    html = first.content.decode()
    assert "45 films" in html
    assert re.findall(r'<a class="page-number"[^>]*>(\d+)</a>', html) == ["1", "2", "3"]
    last = client.get("/films/", {"country": "FR", "sort": "title", "page": "3"})
    assert titles(last) == [f"Film {n:02d}" for n in range(40, 45)]
    beyond = client.get("/films/", {"country": "FR", "sort": "title", "page": "9"})
    assert titles(beyond) == [f"Film {n:02d}" for n in range(40, 45)]


def test_poster_on_the_card_with_every_width_and_lazy(client: Client):
    owner = UserFactory.create()
    film = own(FilmFactory.create(title="With Poster", slug="with-poster", year=2020), owner)
    FilmFactory.create(title="Without", year=2019)
    image = media_services.image_upload(
        film=film,
        actor=owner,
        data=poster_bytes(800, 1200),
        details=media_services.ImageDetails(is_poster=True),
    )
    media_services.image_upload(film=film, actor=owner, data=poster_bytes(900, 600))  # a still
    base = f"/media/images/{image.public_id}/"
    html = client.get("/films/").content.decode()
    imgs = re.findall(r"<img [^>]*>", html)
    assert imgs == [
        f'<img class="card-poster" src="{base}w320.webp" srcset="{base}w320.webp 320w, '
        f'{base}w640.webp 640w, {base}w800.webp 800w" sizes="(max-width: 40rem) 45vw, 14rem" '
        f'width="320" height="480" loading="lazy" decoding="async" alt="">'
    ]
    assert html.count('class="card-poster card-placeholder"') == 1
    assert client.get(f"{base}w320.webp").status_code == 200


def test_a_private_films_poster_and_a_screeners_frame_never_show(client: Client):
    owner = UserFactory.create()
    hidden = own(FilmFactory.create(title="Hidden", private=True), owner)
    image = media_services.image_upload(
        film=hidden,
        actor=owner,
        data=poster_bytes(),
        details=media_services.ImageDetails(is_poster=True),
    )
    public = FilmFactory.create(title="Public With Screener")
    Video.objects.create(
        film=public,
        kind="screener",
        visibility="screener",
        state="ready",
        size_bytes=1,
        sha256="0" * 64,
        poster_file=f"films/{public.pk}/videos/x/poster.jpg",
    )
    for path in ("/films/", "/"):
        html = client.get(path).content.decode()
        assert "<img" not in html
        assert str(image.public_id) not in html
        assert "poster.jpg" not in html
        assert "/media/videos/" not in html
    assert client.get(f"/media/images/{image.public_id}/w320.webp").status_code == 404


def test_catalogue_of_24_films_with_posters_and_directors_keeps_its_budget(
    client: Client, django_assert_num_queries
):
    owner = UserFactory.create()
    for n in range(24):
        film = own(FilmFactory.create(title=f"Film {n:02d}", year=2000 + n), owner)
        CreditFactory(film=film)
        FilmCountryFactory(film=film, country="FR")
        media_services.image_upload(
            film=film,
            actor=owner,
            data=poster_bytes(200, 300),
            details=media_services.ImageDetails(is_poster=True),
        )
    index.rebuild(workers=1)
    # count; the page of films; their directors; their posters; the facets' window and labels
    with django_assert_num_queries(6):
        unfiltered = client.get("/films/", {"sort": "title"})
    assert titles(unfiltered) == [f"Film {n:02d}" for n in range(24)]
    assert unfiltered.content.decode().count('<img class="card-poster"') == 24
    # the search window, its page of documents and labels; the films; directors; posters
    with django_assert_num_queries(6):
        filtered = client.get("/films/", {"country": "FR", "sort": "title"})
    assert titles(filtered) == [f"Film {n:02d}" for n in range(20)]
    assert filtered.content.decode().count('<img class="card-poster"') == 20
