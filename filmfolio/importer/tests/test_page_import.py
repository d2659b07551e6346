"""The reviewed page import keeps what it reads and makes no duplicates: texts with their
language, the page's address and text kept, existing films, people and festivals offered and
linked, the same page imported again updating its film, pages that are not about a film held
back, subtitle languages read as such."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from filmfolio.core.matching import name_match_key, title_match_key
from filmfolio.festivals.models import Entry, Festival
from filmfolio.festivals.tests.factories import FestivalFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Collaborator, Film, FilmText, Role
from filmfolio.films.tests.factories import CreditFactory, FilmFactory
from filmfolio.importer.choices import PageImportAction
from filmfolio.importer.draft import draft_from_gold, language_codes
from filmfolio.importer.models import PageImport
from filmfolio.importer.review import review_for
from filmfolio.people.models import Person, PersonBiography
from filmfolio.people.tests.factories import PersonFactory

from .corpus import AVAILABLE, MISSING_REASON, pages
from .local_site import local_site

pytestmark = pytest.mark.django_db

GLEANERS = """The Home Gleaners
拾穗人

Director: Li Wen
Year: 2021
Running time: 88 min
Country: China
Language: Mandarin
Subtitles: 英文字幕
Selected for the 58th HK Golden Horse Award in 2021.

Synopsis
An old couple gleans the fields after the harvest, and the city creeps closer every year. Their
granddaughter films the last season of their work on the land.

导演阐述
我在这个村子长大。推土机来的时候，我想留住那些养活我们的人的面孔和手势。

Director's biography
Li Wen was born in Henan in 1988 and studied directing in Beijing. Her short films were shown at
festivals in Asia and Europe.
"""
SHOPPING = "Milk\nEggs\nBread, two loaves\nButter\nApples\nCall mum about Sunday\n"


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path


@pytest.fixture
def user():
    return get_user_model().objects.create_user(username="maker", password="x")


@pytest.fixture
def client_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def golden_horse():
    return FestivalFactory.create(
        name="Golden Horse Awards",
        slug="golden-horse-awards",
        match_key=title_match_key("Golden Horse Awards"),
        aliases=["HK Golden Horse Award", "金马奖"],
    )


def form_data(response: Any) -> dict[str, str]:
    """The review form as a browser sends it back (checked radios, selected options,
    textareas; unticked checkboxes left out)."""
    page = response.content.decode()
    data: dict[str, str] = {}
    for tag in re.findall(r"<input[^>]*>", page):
        data.update(_input_value(tag))
    for name, body in re.findall(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        data[name] = html.unescape(body.removeprefix("\n"))
    for name, options in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', options)
        data[name] = chosen.group(1) if chosen else ""
    return data


def _input_value(tag: str) -> dict[str, str]:
    name = re.search(r'name="([^"]+)"', tag)
    found = re.search(r'type="([^"]+)"', tag)
    kind = found.group(1) if found else "text"
    if not name or kind == "submit" or (kind in ("radio", "checkbox") and "checked" not in tag):
        return {}
    value = re.search(r'value="([^"]*)"', tag)
    if value is None:
        return {name.group(1): "on" if kind == "checkbox" else ""}
    return {name.group(1): html.unescape(value.group(1))}


def _review(client: Client, text: str) -> Any:
    response = client.post("/import/", {"text": text})
    assert response.status_code == 200
    return response


def _save(client: Client, data: dict[str, str]) -> Any:
    response = client.post("/import/review/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


# Item 2: keep what it reads -----------------------------------------------------------------


def test_the_draft_carries_the_texts_with_their_language():
    review = review_for(GLEANERS)
    texts = {t["kind"]: (t["language"], t["body"][:20], t["guessed"]) for t in review.draft.texts}
    assert texts == {
        "synopsis": ("en", "An old couple gleans", False),
        "statement": ("zh-Hans", "我在这个村子长大。推土机来的时候，我想留", False),
        "biography": ("en", "Li Wen was born in H", False),
    }


def test_saving_keeps_the_texts_the_biography_and_the_page(client_in, user, golden_horse):
    review = _review(client_in, GLEANERS)
    page = review.content.decode()
    assert 'name="synopsis"' in page and "An old couple gleans the fields" in page
    data = form_data(review)
    assert (data["synopsis_language"], data["statement_language"]) == ("en", "zh-Hans")
    _save(client_in, data)
    film = Film.objects.get()
    assert [(t.kind, t.language, t.body[:12]) for t in film.texts.all()] == [
        ("statement", "zh-Hans", "我在这个村子长大。推土机"),
        ("synopsis", "en", "An old coupl"),
    ]
    director = film.credits.get(role__code="director").person
    assert list(
        PersonBiography.objects.filter(person=director).values_list("language", flat=True)
    ) == ["en"]
    kept = PageImport.objects.get()
    assert (kept.user, kept.film, kept.action, kept.source_url) == (
        user,
        film,
        PageImportAction.CREATED,
        "",
    )
    assert "Li Wen was born in Henan" in kept.source_text


def test_a_text_without_a_language_is_refused_and_nothing_is_saved(client_in):
    data = form_data(_review(client_in, GLEANERS))
    data["synopsis_language"] = ""
    response = client_in.post("/import/review/", data)
    assert response.status_code == 400
    assert "Say which language this text is in" in response.content.decode()
    data["synopsis_language"] = "Klingonish"
    response = client_in.post("/import/review/", data)
    assert "We do not know the language “Klingonish”." in response.content.decode()
    assert (Film.objects.count(), PageImport.objects.count()) == (0, 0)


def test_an_edited_text_and_a_language_by_name_are_saved(client_in):
    data = form_data(_review(client_in, GLEANERS))
    data["synopsis"] = "Deux vieux glanent les champs après la moisson."
    data["synopsis_language"] = "français"
    _save(client_in, data)
    text = FilmText.objects.get(kind="synopsis")
    assert (text.language, text.body) == ("fr", "Deux vieux glanent les champs après la moisson.")


# Item 3: no duplicates -----------------------------------------------------------------------


def test_importing_the_same_page_again_updates_the_film(client_in, golden_horse):
    _save(client_in, form_data(_review(client_in, GLEANERS)))
    film = Film.objects.get()
    film.visibility = "public"
    film.save(update_fields=["visibility"])
    again = _review(client_in, GLEANERS)
    page = again.content.decode()
    assert "you imported this page before" in page
    data = form_data(again)
    assert data["target"] == "the-home-gleaners"
    _save(client_in, data)
    assert list(Film.objects.values_list("slug", "visibility")) == [("the-home-gleaners", "public")]
    assert Person.objects.filter(display_name="Li Wen").count() == 1
    assert Festival.objects.count() == 1
    assert Entry.objects.count() == 1
    assert list(PageImport.objects.order_by("id").values_list("action", flat=True)) == [
        "created",
        "updated",
    ]
    assert "is updated with what the page says" in client_in.get("/import/done/").content.decode()


def test_a_film_of_the_same_title_and_year_is_offered_and_updated(client_in, user):
    film = FilmFactory.create(slug="gleaners", title="拾穗人", year=2021, visibility="private")
    Collaborator.objects.create(film=film, user=user, role=CollaboratorRole.OWNER)
    other = PersonFactory.create(display_name="Bo Zhang", slug="bo-zhang")
    CreditFactory.create(film=film, person=other, role=Role.objects.get(code="producer"))
    review = _review(client_in, GLEANERS)
    page = review.content.decode()
    assert "same title, same year" in page
    data = form_data(review)
    assert data["target"] == "gleaners"
    _save(client_in, data)
    film.refresh_from_db()
    assert (Film.objects.count(), film.title, film.runtime_minutes, film.visibility) == (
        1,
        "The Home Gleaners",
        88,
        "private",
    )
    credits = sorted((c.person.display_name, c.role.code) for c in film.credits.all())
    assert credits == [("Bo Zhang", "producer"), ("Li Wen", "director")]
    assert sorted(film.texts.values_list("kind", flat=True)) == ["statement", "synopsis"]


def test_a_film_the_user_may_not_edit_is_shown_but_not_offered(client_in):
    FilmFactory.create(slug="theirs", title="The Home Gleaners", year=2021, visibility="public")
    review = _review(client_in, GLEANERS)
    page = review.content.decode()
    assert "you may not edit it" in page
    assert 'value="theirs"' not in page
    data = form_data(review)
    assert data["target"] == "+new"
    data["target"] = "theirs"  # forged
    response = client_in.post("/import/review/", data)
    assert response.status_code == 400
    assert "You may not update this film; choose another." in response.content.decode()
    assert Film.objects.count() == 1
    assert Film.objects.get().title == "The Home Gleaners"


def test_a_festival_named_by_its_alias_is_linked(client_in, golden_horse):
    review = _review(client_in, GLEANERS)
    data = form_data(review)
    assert data["festivals-0-match"] == "golden-horse-awards"
    assert "This is Golden Horse Awards" in review.content.decode()
    _save(client_in, data)
    assert list(Festival.objects.values_list("slug", flat=True)) == ["golden-horse-awards"]
    assert Entry.objects.get().edition.festival == golden_horse


def test_the_festival_alias_links_without_the_review_too(user, golden_horse):
    from filmfolio.importer.records import FilmRecord
    from filmfolio.importer.services import records_commit

    record = FilmRecord.model_validate(
        {"title": "X", "festivals": [{"festival": "HK Golden Horse Award", "year": 2021}]}
    )
    report = records_commit(records=[record], actor=user)
    assert report.log.linked == {"festivals": {"Golden Horse Awards"}}
    assert Festival.objects.count() == 1


def test_a_person_already_here_is_offered_and_new_makes_a_new_one(client_in, user):
    film = FilmFactory.create(slug="older", title="Older", visibility="public")
    known = PersonFactory.create(
        display_name="Li Wen", slug="li-wen", match_key=name_match_key("Li Wen")
    )
    CreditFactory.create(film=film, person=known)
    review = _review(client_in, GLEANERS)
    data = form_data(review)
    assert data["credits-0-match"] == "li-wen"
    assert "This is Li Wen" in review.content.decode()
    data["credits-0-match"] = "+new"
    _save(client_in, data)
    assert Person.objects.filter(display_name="Li Wen").count() == 2
    new_film = Film.objects.get(slug="the-home-gleaners")
    assert new_film.credits.get().person != known


def test_a_forged_person_choice_is_refused(client_in):
    hidden = FilmFactory.create(slug="hidden", title="Hidden", visibility="private")
    secret = PersonFactory.create(display_name="Li Wen", slug="secret-li-wen")
    CreditFactory.create(film=hidden, person=secret)
    data = form_data(_review(client_in, GLEANERS))
    assert data["credits-0-match"] == "+new"
    data["credits-0-match"] = "secret-li-wen"
    response = client_in.post("/import/review/", data)
    assert response.status_code == 400
    assert "Choose one of the records offered" in response.content.decode()
    assert Film.objects.count() == 1


# Item 4: from an address ---------------------------------------------------------------------


def test_a_page_is_imported_from_its_address(client_in, settings):
    settings.IMPORTER_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    with local_site() as site:
        url = site.page("/films/gleaners", "<html><body><pre>" + GLEANERS + "</pre></body></html>")
        review = client_in.post("/import/", {"url": url})
        assert review.status_code == 200
        data = form_data(review)
    assert (data["title"], data["source_url"]) == ("The Home Gleaners", url)
    _save(client_in, data)
    assert PageImport.objects.get().source_url == url
    assert Film.objects.get().texts.count() == 2


def test_an_internal_address_gets_a_clear_message_and_reads_nothing(client_in):
    response = client_in.post("/import/", {"url": "http://169.254.169.254/latest/meta-data/"})
    assert response.status_code == 400
    assert "This address is not on the public internet" in response.content.decode()
    assert Film.objects.count() == 0


def test_an_address_and_a_text_together_are_refused(client_in):
    response = client_in.post("/import/", {"url": "https://example.org/", "text": "x"})
    assert response.status_code == 400
    assert "Give one of the three" in response.content.decode()


# Item 5: honest drafts -----------------------------------------------------------------------


def test_a_shopping_list_gets_a_warning_and_is_not_saved_by_default(client_in):
    review = _review(client_in, SHOPPING)
    page = review.content.decode()
    assert "This page does not look like a page about a film" in page
    assert 'name="save_anyway"' in page
    data = form_data(review)
    response = client_in.post("/import/review/", data)
    assert response.status_code == 400
    assert "Tick the box to save it anyway" in response.content.decode()
    assert Film.objects.count() == 0
    data["save_anyway"] = "on"
    _save(client_in, data)
    assert Film.objects.get().title == "Milk"


@pytest.mark.skipif(not AVAILABLE, reason=MISSING_REASON)
def test_every_real_film_page_of_the_corpus_looks_like_one():
    """The 60 dev pages and the seeds are all about a film: none is held back."""
    held_back = [
        name
        for kind in ("dev", "seeds")
        for name, data, _gold in pages(kind)
        if not review_for(data).draft.looks_like_film
    ]
    assert held_back == []


def test_a_film_page_needs_no_confirmation(client_in):
    page = _review(client_in, GLEANERS).content.decode()
    assert 'name="save_anyway"' not in page
    assert "does not look like a page about a film" not in page


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("英文字幕", (["en"], True)),
        ("中英字幕", (["zh", "en"], True)),
        ("English subtitles", (["en"], True)),
        ("sous-titres anglais", (["en"], True)),
        ("영어 자막", (["en"], True)),
        ("English", (["en"], False)),
        ("Klingonish", ([], False)),
    ],
)
def test_subtitle_language_names(name, codes):
    assert language_codes(name) == codes


def test_english_subtitles_written_in_chinese_are_english_subtitles():
    draft = draft_from_gold({"title": "X", "languages": ["普通话"], "subtitles": ["英文字幕"]})
    assert draft.values["languages"] == [
        {"language": "zh", "role": "original", "label": "普通话"},
        {"language": "en", "role": "subtitle", "label": "英文字幕"},
    ]
    assert draft.warnings == []


def test_english_subtitles_survive_the_review_form(client_in):
    data = form_data(_review(client_in, GLEANERS))
    assert data["subtitles"] == "英文字幕"
    _save(client_in, data)
    film = Film.objects.get()
    assert list(film.languages.values_list("language", "role", "label")) == [
        ("zh", "original", "Mandarin"),
        ("en", "subtitle", "英文字幕"),
    ]
