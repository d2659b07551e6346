"""A filmmaker fills the whole record of a new film in the studio, in English and in Chinese, at
desktop and phone widths: every section saves, shows what was saved in the person's language,
and no page scrolls sideways. Screenshots are kept in ``test-artifacts/``."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.translation import gettext

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core import vocab
from filmfolio.festivals.models import Entry
from filmfolio.films.choices import CompanyRole, CountryRole, LanguageRole, TextKind, TitleKind
from filmfolio.films.models import Film, Genre, Role

# The shared fixtures and helpers, also importable from here as before.
from .chromium import (
    ARTIFACTS,
    CHROMIUM_ARGS,
    chromium,
    keep_screenshot,
    signed_in_context,
    static_root,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

__all__ = [
    "ARTIFACTS",
    "CHROMIUM_ARGS",
    "WIDTHS",
    "Studio",
    "chromium",
    "signed_in_page",
    "static_root",
]
WIDTHS = {"desktop": 1280, "phone": 390}
LANGUAGE_NAMES = {"en": ("English", "Chinese"), "zh-hans": ("英语", "中文")}


def signed_in_page(chromium, base: str, language: str, width: int):
    """A page of a new signed-in user's browser, in ``language``, ``width`` pixels wide."""
    viewport = {"width": width, "height": 900}
    context = signed_in_context(chromium, base, UserFactory(), language=language, viewport=viewport)
    return context.new_page()


class Studio:
    """Drives one film's studio and checks every page it lands on."""

    def __init__(self, page, base: str, language: str, shots: str) -> None:
        self.page, self.base, self.language, self.shots = page, base, language, shots
        self.slug = ""

    def t(self, text: str) -> str:
        with translation.override(self.language):
            return gettext(text)

    def check(self, name: str) -> None:
        """No sideways scroll; keep a screenshot."""
        wide = self.page.evaluate("document.documentElement.scrollWidth")
        inner = self.page.evaluate("window.innerWidth")
        assert wide <= inner, f"{name}: {wide}px wide in a {inner}px window"
        keep_screenshot(self.page, f"{self.shots}-{name}")

    def open(self, section: str, query: str = "") -> None:
        self.page.goto(f"{self.base}/studio/films/{self.slug}/{section}/{query}")
        current = self.page.locator('nav.tabs a[aria-current="page"]')
        assert current.get_attribute("href") == f"/studio/films/{self.slug}/{section}/"

    def submit(self, form: str) -> None:
        with self.page.expect_navigation():
            self.page.click(f"{form} button[type=submit]")
        assert self.t("Saved.") in self.page.inner_text(".messages")

    def add(self, part: str, shown: str) -> None:
        self.submit(f'form:has(input[name=part][value="{part}"])')
        assert shown in self.page.inner_text(f"#{part}"), shown

    def save_fields(self) -> None:
        self.submit(".studio-section form")


def create(studio: Studio, title: str, year: str, kind: str) -> None:
    page = studio.page
    page.goto(f"{studio.base}/studio/new/")
    assert page.locator('a[href="/import/"]').count() == 1
    studio.check("new")
    page.fill("#id_title", title)
    page.fill("#id_year", year)
    page.select_option("#id_kind", kind)
    with page.expect_navigation():
        page.click("#from-scratch button[type=submit]")
    studio.slug = Film.objects.get(title=title).slug
    assert page.url.endswith(f"/studio/films/{studio.slug}/basics/")


def fill_basics_titles_specs(studio: Studio, english: str) -> None:
    page = studio.page
    page.fill("#id_completion_date", "2017-11-01")
    studio.save_fields()
    studio.check("basics")
    studio.open("titles")
    page.fill("#id_text", "Heron Lantern")
    page.select_option("#id_kind", TitleKind.ENGLISH)
    page.fill("#id_language", english)
    with translation.override(studio.language):
        studio.add("titles", f"Heron Lantern ({TitleKind.ENGLISH.label}, {english})")
    studio.check("titles")
    studio.open("specs")
    for field, value in {
        "runtime_minutes": "1 h 40 min",
        "budget_amount": "347000",
        "budget_as_stated": "347,000 USD",
        "shooting_format": "4K",
        "sound": "5.1",
        "aspect_ratio": "1.85:1",
    }.items():
        page.fill(f"#id_{field}", value)
    page.select_option("#id_budget_currency", "USD")
    page.select_option("#id_color", "color")
    page.select_option("#id_is_first_time_filmmaker", "true")
    page.select_option("#id_is_student_project", "false")
    studio.save_fields()
    assert page.input_value("#id_runtime_minutes") == "100"
    studio.check("specs")


def fill_places_genres_companies(studio: Studio, chinese: str) -> None:
    page = studio.page
    studio.open("places")
    page.select_option("#id_country_country", "CN")
    page.select_option("#id_country_role", CountryRole.ORIGIN)
    with translation.override(studio.language):
        studio.add("countries", f"{vocab.country_name('CN')} · {CountryRole.ORIGIN.label}")
    for role in (LanguageRole.ORIGINAL, LanguageRole.SUBTITLE):
        page.fill("#id_language_language", chinese)
        page.select_option("#id_language_role", role)
        with translation.override(studio.language):
            studio.add("languages", f"{chinese} · {role.label}")
    studio.check("places")
    studio.open("genres")
    page.select_option("#id_kind", "documentary")
    page.check("#id_genres_0")
    studio.save_fields()
    studio.check("genres")
    studio.open("companies")
    page.fill("#id_name", "Lantern Pictures")
    page.select_option("#id_role", CompanyRole.PRODUCTION)
    with translation.override(studio.language):
        studio.add("companies", f"Lantern Pictures · {CompanyRole.PRODUCTION.label}")
    studio.check("companies")


def fill_credits_texts_links_festivals(studio: Studio, english: str) -> None:
    page = studio.page
    studio.open("credits")
    director = Role.objects.get(code="director")
    page.select_option("#id_role", str(director.pk))
    page.fill("#id_person_query", "Lin Heron")
    page.fill("#id_credited_as", "Director")
    with translation.override(studio.language):
        studio.add("credits", f"{director.name} — Lin Heron (Director)")
    studio.check("credits")
    studio.open("texts", "?kind=synopsis")
    assert page.input_value("#id_kind") == TextKind.SYNOPSIS
    page.fill("#id_language", english)
    page.fill("#id_body", "A heron and a lantern.")
    with translation.override(studio.language):
        label = f"{TextKind.SYNOPSIS.label} · {english}"
    studio.add("texts", label)
    page.click(f"#texts summary:has-text('{label}')")
    page.fill("#texts details textarea", "Two herons and a lantern.")
    studio.submit("#texts details form")
    studio.check("texts")
    studio.open("links")
    page.select_option("#id_kind", "official_site")
    page.fill("#id_url", "https://heron.example.org/")
    studio.add("links", "https://heron.example.org/")
    studio.check("links")
    studio.open("festivals")
    page.fill("#id_festival_query", "Heron Documentary Days")
    page.fill("#id_year", "2018")
    page.fill("#id_number", "3")
    page.fill("#id_section_name", "First Films")
    page.select_option("#id_result", "won")
    page.fill("#id_award_name", "Best Lantern")
    page.fill("#id_date", "2018-03-28")
    studio.add("entries", "Best Lantern")
    studio.check("festivals")
    for section in ("media", "sharing", "history"):
        studio.open(section)
        studio.check(section)


def assert_record(slug: str) -> None:
    film = Film.objects.get(slug=slug)
    assert (film.year, film.completion_date, film.kind) == (
        2017,
        datetime.date(2017, 11, 1),
        "documentary",
    )
    assert (film.runtime_minutes, film.budget_amount, film.budget_currency) == (
        100,
        Decimal("347000.00"),
        "USD",
    )
    assert (film.budget_as_stated, film.shooting_format, film.sound, film.aspect_ratio) == (
        "347,000 USD",
        "4K",
        "5.1",
        "1.85:1",
    )
    assert (film.color, film.is_first_time_filmmaker, film.is_student_project) == (
        "color",
        True,
        False,
    )
    assert_lists(film)


def assert_lists(film: Film) -> None:
    assert list(film.titles.values_list("text", "kind", "language")) == [
        ("Heron Lantern", "english", "en")
    ]
    assert list(film.countries.values_list("country", "role")) == [("CN", "origin")]
    assert sorted(film.languages.values_list("language", "role")) == [
        ("zh", "original"),
        ("zh", "subtitle"),
    ]
    assert list(film.genres.all()) == [Genre.objects.order_by("name_en").first()]
    assert list(film.companies.values_list("organisation__name", "role")) == [
        ("Lantern Pictures", "production")
    ]
    assert list(film.credits.values_list("person__display_name", "role__code", "credited_as")) == [
        ("Lin Heron", "director", "Director")
    ]
    assert list(film.texts.values_list("kind", "language", "body")) == [
        ("synopsis", "en", "Two herons and a lantern.")
    ]
    assert list(film.links.values_list("kind", "url")) == [
        ("official_site", "https://heron.example.org/")
    ]
    assert_festival(film)


def assert_festival(film: Film) -> None:
    entry = Entry.objects.select_related("edition__festival", "section", "award").get(film=film)
    assert (entry.edition.festival.name, entry.edition.year, entry.edition.number) == (
        "Heron Documentary Days",
        2018,
        3,
    )
    assert (entry.section.name, entry.award.name, entry.result, entry.date) == (
        "First Films",
        "Best Lantern",
        "won",
        datetime.date(2018, 3, 28),
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_new_film_filled_in_every_section(live_server, chromium, language, width):
    base = live_server.url
    page = signed_in_page(chromium, base, language, WIDTHS[width])
    studio = Studio(page, base, language, f"studio-{language}-{width}")
    english, chinese = LANGUAGE_NAMES[language]
    create(studio, f"Heron Lantern {language} {width}", "2017", "short")
    fill_basics_titles_specs(studio, english)
    fill_places_genres_companies(studio, chinese)
    fill_credits_texts_links_festivals(studio, english)
    assert_record(studio.slug)
    page.goto(f"{base}/films/{studio.slug}/")
    edit = page.locator(f'a[href="/studio/films/{studio.slug}/"]')
    assert edit.inner_text() == studio.t("Edit in studio")
    studio.check("film-page")
