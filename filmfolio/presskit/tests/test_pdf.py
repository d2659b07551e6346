"""The press kit PDF of every seed film: facts in the text (Chinese too), a page that is not
blank, the cache keyed on the film's version, and who may download it."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from filmfolio.api.tests.factories import FilmFactory, UserFactory
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.models import Collaborator
from filmfolio.presskit import services

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

FACTS = {
    ("out-of-focus", "en"): [
        "Out of Focus",
        "虚焦",
        "Shengze Zhu",
        "朱声仄",
        "88 min",
        "Cinéma du Réel",
        "International First Films Competition",
        "1.85 : 1",
        "Burn The Film Production House",
        "Migrant children at a rooftop school in Wuhan",
    ],
    ("out-of-focus", "zh-hans"): [
        "虚焦",
        "Out of Focus",
        "朱声仄",
        "导演",
        "武汉一所“屋顶学校”的流动儿童拿起摄影机",
        "朱声仄，武汉人，纪录片导演、摄影师",
        "中国",
        "Cinéma du Réel",
    ],
    ("when-we-meet-under-the-same-sky", "en"): [
        "When we meet under the same sky",
        "Yan Wenyu",
        "Gao Jun",
        "Wan Jin",
        "100 min",
        "Shortlish Award",
        "Award For Excellent Work",
        "DIRECTOR'S STATEMENT",
    ],
    ("the-home-gleaners", "en"): [
        "The Home Gleaners",
        "Zhang Siqing",
        "Golden Horse Awards",
        "Best Short Film",
        "Beijing College Student Film Festival",
        "Best Original Short Film",
    ],
}


def _status(client, url: str) -> int:
    """GET ``url`` and read the whole body: a FileResponse holds the stored file open until it
    is consumed (the test client then closes it without closing the database connection, as
    calling ``close()`` directly would on PostgreSQL)."""
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "kit.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def _first_page_variance(pdf: bytes, tmp_path: Path) -> float:
    path = tmp_path / "kit.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(path)],
        capture_output=True,
        check=True,
    )
    image = Image.open(io.BytesIO(out.stdout)).convert("L")
    assert image.size == (331, 468)  # A4 at 40 dpi
    return ImageStat.Stat(image).var[0]


@pytest.mark.parametrize(("slug", "language"), sorted(FACTS))
def test_press_kit_of_each_seed_film_holds_its_facts(
    client, demo, media_root, tmp_path, slug, language
):
    response = client.get(f"/presskit/{slug}.pdf?lang={language}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{slug}-presskit-{language}.pdf"' in response["Content-Disposition"]
    pdf = b"".join(response.streaming_content)
    assert pdf.startswith(b"%PDF-")
    text = _text(pdf, tmp_path)
    for fact in FACTS[(slug, language)]:
        assert " ".join(fact.split()) in text, fact
    assert _first_page_variance(pdf, tmp_path) > 200


def test_press_kit_follows_the_page_language(client, demo, media_root, tmp_path):
    response = client.get("/presskit/out-of-focus.pdf", headers={"Accept-Language": "zh-hans"})
    assert 'presskit-zh-hans.pdf"' in response["Content-Disposition"]
    text = _text(b"".join(response.streaming_content), tmp_path)
    assert text.startswith("虚焦")


def test_press_kit_is_kept_until_the_film_changes(client, demo, media_root):
    film = demo["the-home-gleaners"]
    assert _status(client, "/presskit/the-home-gleaners.pdf?lang=en") == 200
    first = services.presskit_stored(film, "en")
    assert first is not None
    stored = sorted(p.name for p in (media_root / "presskits" / str(film.pk)).iterdir())
    assert _status(client, "/presskit/the-home-gleaners.pdf?lang=en") == 200
    assert sorted(p.name for p in (media_root / "presskits" / str(film.pk)).iterdir()) == stored
    film.title = "The Home Gleaners (restored)"
    film.save()
    assert services.presskit_stored(film, "en") is None
    assert _status(client, "/presskit/the-home-gleaners.pdf?lang=en") == 200
    current = services.presskit_path(film, "en")
    assert [p.name for p in (media_root / "presskits" / str(film.pk)).iterdir()] == [
        current.rsplit("/", 1)[1]
    ]


def test_press_kit_of_a_non_public_film_is_for_owners_only(client, media_root):
    owner, editor = UserFactory(), UserFactory()
    film = FilmFactory(slug="draft", title="Draft", visibility=Visibility.UNLISTED, owner=owner)
    Collaborator.objects.create(film=film, user=editor, role=CollaboratorRole.EDITOR)
    assert _status(client, "/presskit/draft.pdf") == 404
    client.force_login(editor)
    assert _status(client, "/presskit/draft.pdf") == 404
    client.force_login(owner)
    assert _status(client, "/presskit/draft.pdf") == 200
    film.visibility = Visibility.PRIVATE
    film.save()
    client.logout()
    assert _status(client, "/presskit/draft.pdf") == 404
