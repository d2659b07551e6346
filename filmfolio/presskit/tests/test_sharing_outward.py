"""What a film page shares: Open Graph and Twitter card tags, JSON-LD with image and trailer,
oEmbed of type video, the embeddable player page and the generated card image; each follows
the film's visibility and the video's."""

from __future__ import annotations

import io
import json
import re
import uuid

import pytest
from django.contrib.auth.hashers import make_password
from django_tasks import default_task_backend
from PIL import Image as PILImage

from filmfolio.api.tests.factories import FilmFactory, UserFactory
from filmfolio.festivals.choices import EntryResult
from filmfolio.festivals.tests.factories import AwardFactory, EditionFactory, EntryFactory
from filmfolio.films.selectors import film_record_for
from filmfolio.media.models import Image, ImageRendition, Video
from filmfolio.presskit.card import card_lines
from filmfolio.presskit.models import PresskitBuild
from filmfolio.sharing.tests.factories import ScreenerLinkFactory
from filmfolio.sharing.tests.test_links import BROWSER

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"  # the test settings fix the site's address
POSTER = uuid.UUID("11111111-1111-4111-8111-111111111111")
TRAILER = uuid.UUID("22222222-2222-4222-8222-222222222222")


def _poster(film) -> Image:
    image = Image.objects.create(
        public_id=POSTER,
        film=film,
        is_poster=True,
        original_file="originals/poster.jpg",
        original_format="jpeg",
        width=2000,
        height=3000,
        size_bytes=1,
    )
    for width in (320, 640, 1280, 1920):
        ImageRendition.objects.create(
            image=image, width=width, height=width * 3 // 2, file=f"r/{width}.webp", size_bytes=1
        )
    return image


def _video(film, *, visibility="film", kind="trailer", public_id=TRAILER) -> Video:
    return Video.objects.create(
        public_id=public_id,
        film=film,
        kind=kind,
        title="Official trailer",
        visibility=visibility,
        state="ready",
        original_file="originals/trailer.mp4",
        size_bytes=1,
        sha256="0" * 64,
        width=1920,
        height=1080,
        duration_seconds=92.4,
    )


def _meta(html: str) -> dict[str, str]:
    pairs = re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)">', html)
    return dict(pairs)


def _jsonld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match is not None
    return json.loads(match.group(1))


@pytest.fixture
def film():
    film = FilmFactory(slug="harbour-lights", title="Harbour Lights", year=2021)
    _poster(film)
    _video(film)
    return film


def test_head_shares_the_poster_and_the_trailer_player(client, film):
    html = client.get("/films/harbour-lights/").content.decode()
    poster = f"{SITE}/media/images/{POSTER}/w1280.webp"
    embed = f"{SITE}/films/harbour-lights/embed/"
    assert _meta(html) == {
        "og:site_name": "Filmfolio",
        "og:title": "Harbour Lights",
        "og:type": "video.movie",
        "og:url": f"{SITE}/films/harbour-lights/",
        "og:image": poster,
        "og:image:width": "1280",
        "og:image:height": "1920",
        "og:image:alt": "Poster of Harbour Lights",
        "og:video": embed,
        "og:video:type": "text/html",
        "og:video:width": "640",
        "og:video:height": "360",
        "twitter:card": "player",
        "twitter:player": embed,
        "twitter:player:width": "640",
        "twitter:player:height": "360",
        "twitter:title": "Harbour Lights",
        "twitter:image": poster,
    }
    data = _jsonld(html)
    assert data["image"] == {"@type": "ImageObject", "url": poster, "width": 1280, "height": 1920}
    video = Video.objects.get(public_id=TRAILER)
    assert data["trailer"] == {
        "@type": "VideoObject",
        "name": "Harbour Lights — Official trailer",
        "description": "Harbour Lights",
        "thumbnailUrl": f"{SITE}/media/videos/{TRAILER}/poster.jpg",
        "uploadDate": video.created_at.isoformat(),
        "contentUrl": f"{SITE}/media/videos/{TRAILER}/hls/master.m3u8",
        "embedUrl": embed,
        "encodingFormat": "application/vnd.apple.mpegurl",
        "duration": "PT92S",
        "width": 1920,
        "height": 1080,
    }


def test_head_in_chinese_labels_the_poster_in_chinese(client, film):
    client.cookies["django_language"] = "zh-hans"
    html = client.get("/films/harbour-lights/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert _meta(html)["og:image:alt"] == "《Harbour Lights》的海报"


def test_without_poster_or_shared_video_the_card_is_the_image(client):
    film = FilmFactory(slug="quiet", title="Quiet")
    _video(film, visibility="screener", kind="screener")
    _video(film, visibility="team", public_id=uuid.uuid4())
    html = client.get("/films/quiet/").content.decode()
    meta = _meta(html)
    assert meta["og:image"] == f"{SITE}/films/quiet/card.png"
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"] == "Quiet"
    assert meta["twitter:card"] == "summary_large_image"
    assert "og:video" not in meta and "twitter:player" not in meta
    assert "trailer" not in _jsonld(html)
    assert client.get("/films/quiet/embed/").status_code == 404


def test_oembed_is_a_video_with_the_player_frame(client, film):
    response = client.get(
        "/oembed", {"url": "http://testserver/films/harbour-lights/", "maxwidth": "480"}
    )
    assert response.status_code == 200
    assert response.json() == {
        "version": "1.0",
        "type": "video",
        "title": "Harbour Lights (2021)",
        "provider_name": "Filmfolio",
        "provider_url": f"{SITE}/",
        "cache_age": 3600,
        "thumbnail_url": f"{SITE}/media/images/{POSTER}/w1280.webp",
        "thumbnail_width": 1280,
        "thumbnail_height": 1920,
        "width": 480,
        "height": 270,
        "html": (
            f'<iframe src="{SITE}/films/harbour-lights/embed/" width="480" height="270" '
            'title="Harbour Lights (2021)" frameborder="0" '
            'allow="fullscreen; picture-in-picture" allowfullscreen></iframe>'
        ),
    }


@pytest.mark.parametrize("value", ["wide", "-1", "1.5", "20000"])
def test_oembed_refuses_a_bad_size(client, film, value):
    response = client.get(
        "/oembed", {"url": "http://testserver/films/harbour-lights/", "maxwidth": value}
    )
    assert response.status_code == 400
    assert response.json() == {"error": "maxwidth and maxheight are whole numbers of pixels."}


def test_the_embed_page_may_be_framed_anywhere(client, film):
    response = client.get("/films/harbour-lights/embed/")
    assert response.status_code == 200
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    assert response["Cache-Control"] == "public, max-age=3600"
    html = response.content.decode()
    assert f'data-hls-src="{SITE}/media/videos/{TRAILER}/hls/master.m3u8"' in html
    assert "<script>" not in html and "style=" not in html
    page = client.get("/films/harbour-lights/")
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


@pytest.mark.parametrize("trait", ["private", "password"])
def test_the_embed_page_and_card_of_a_film_hidden_from_the_visitor_are_404(client, trait):
    owner = UserFactory()
    values = {"visibility": trait, "password_hash": make_password("open sesame")}
    film = FilmFactory(slug="hidden", owner=owner, **values)
    _video(film)
    for url in ("/films/hidden/embed/", "/films/hidden/card.png"):
        assert client.get(url).status_code == 404
    client.force_login(owner)
    response = client.get("/films/hidden/embed/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_the_embed_page_follows_the_video_not_only_the_film(client):
    film = FilmFactory(slug="screened")
    _video(film, visibility="screener")
    assert client.get("/films/screened/embed/").status_code == 404
    teaser = _video(film, kind="teaser", public_id=uuid.uuid4())
    assert client.get("/films/screened/embed/").status_code == 200
    Video.objects.filter(pk=teaser.pk).update(visibility="team")
    assert client.get("/films/screened/embed/").status_code == 404


def test_the_card_is_a_png_with_title_and_laurels(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    film = FilmFactory(slug="laurels", title="入戏", year=2012)
    edition = EditionFactory.create(festival__name="Golden Horse Awards", number=49, year=2012)
    EntryFactory(
        film=film,
        edition=edition,
        award=AwardFactory(festival=edition.festival, name="Best Short Film"),
        result=EntryResult.WON,
    )
    EntryFactory(
        film=film, edition=EditionFactory.create(festival__name="DOK Leipzig", number=55, year=2012)
    )
    assert card_lines(film_record_for(film)) == (
        "入戏",
        "2012",
        ["Best Short Film — 49th (2012) Golden Horse Awards", "55th (2012) DOK Leipzig"],
    )
    response = client.get("/films/laurels/card.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=3600"
    image = PILImage.open(io.BytesIO(b"".join(response.streaming_content)))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    stored = list((tmp_path / "media" / "presskit" / "cards").iterdir())
    assert len(stored) == 1
    again = client.get("/films/laurels/card.png")
    assert again.status_code == 200
    assert b"".join(again.streaming_content)[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(list((tmp_path / "media" / "presskit" / "cards").iterdir())) == 1


def test_a_screener_holder_gets_the_press_kit_and_others_do_not(client):
    film = FilmFactory(slug="private-kit", private=True, owner=UserFactory())
    token = "screener-token-" + "x" * 30
    ScreenerLinkFactory(film=film, token=token)
    PresskitBuild.objects.create(film=film, language="en", film_version=film.updated_at)
    assert client.get("/presskit/private-kit/status?lang=en").status_code == 404
    assert client.get("/presskit/private-kit.pdf?lang=en").status_code == 404
    opened = client.get(f"/share/s/{token}/", HTTP_USER_AGENT=BROWSER)
    client.get(opened["Location"], HTTP_USER_AGENT=BROWSER)
    response = client.get("/presskit/private-kit/status?lang=en")
    assert response.status_code == 200
    assert response.json() == {"ready": False, "url": "/presskit/private-kit.pdf?lang=en"}
    assert response["Cache-Control"] == "private, no-store"
    page = client.get("/films/private-kit/").content.decode()
    assert 'data-presskit-status="/presskit/private-kit/status?lang=en"' in page
    assert " download" not in page


def test_the_status_queues_the_build_and_answers_ready_once_built(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    FilmFactory(slug="kit", title="Kit")
    first = client.get("/presskit/kit/status?lang=zh-hans").json()
    assert first == {"ready": False, "url": "/presskit/kit.pdf?lang=zh-hans"}
    assert [tuple(r.args)[1] for r in default_task_backend.results] == ["zh-hans"]
    assert len(default_task_backend.results) == 1
    client.get("/presskit/kit/status?lang=zh-hans")
    assert len(default_task_backend.results) == 1  # queued once
    default_task_backend.clear()


def test_card_titles_wrap_between_words_and_between_chinese_characters():
    from PIL import ImageDraw

    from filmfolio.presskit.card import _font, _wrapped

    draw = ImageDraw.Draw(PILImage.new("RGB", (10, 10)))
    font = _font(64, bold=True)
    title = "当我们在同一片天空下相遇 When we meet under the same sky " + "again and " * 12
    lines = _wrapped(draw, title, font, 1056, 3)
    assert len(lines) == 3
    assert all(draw.textlength(line, font=font) <= 1056 for line in lines)
    assert lines[0].startswith("当我们在同一片天空下相遇")
    assert lines[-1].endswith("…")
    words = set(title.split())
    for line in lines[1:-1]:
        assert set(line.split()) <= words, line
    assert _wrapped(draw, "Quiet", font, 1056, 3) == ["Quiet"]
