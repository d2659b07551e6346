"""The seed films typed into empty films through the studio alone, then compared field by field
with the demo's record of them (``filmfolio/importer/demo/films.json``).

People's other written names (script, order) and biographies are typed on each person's edit
page, reached from the studio's credits, and compared too; a credit whose person the film does
not name (The Home Gleaners' post-production) is typed with "Name not given".

What the web does not edit is left out of the comparison and said so: a person's country, an
organisation's kind, a festival's aliases, city and country (the festival's own record), and a
budget amount whose currency the source does not give (The Home Gleaners: the studio asks for
the currency of an amount, so only the budget as stated is typed).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from filmfolio.core import vocab
from filmfolio.festivals.models import Entry
from filmfolio.films.models import Film, Genre, Role
from filmfolio.films.studio.fields import language_code_for
from filmfolio.people.models import Person
from filmfolio.people.services import name_script

from .test_studio_browser import Studio, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO = Path(settings.BASE_DIR) / "filmfolio" / "importer" / "demo" / "films.json"


def demo(slug: str) -> dict[str, Any]:
    return next(f for f in json.loads(DEMO.read_text(encoding="utf-8")) if f["slug"] == slug)


def language_as_typed(code: str) -> str:
    """The language's English name when the picker reads it back to ``code``, else the code."""
    name = vocab.language_name(code, "en")
    return name if language_code_for(name) == code else code


def type_fields(studio: Studio, film: dict[str, Any]) -> None:
    page = studio.page
    if film.get("completion_date"):
        page.fill("#id_completion_date", film["completion_date"])
        studio.save_fields()
    studio.open("specs")
    budget = film.get("budget") or {}
    fields = {
        "runtime_minutes": str(film.get("runtime_minutes") or ""),
        "budget_amount": _amount(budget),
        "budget_as_stated": budget.get("as_stated", ""),
        **{k: v for k, v in (film.get("specs") or {}).items() if k != "color"},
    }
    for name, value in fields.items():
        page.fill(f"#id_{name}", value)
    page.select_option("#id_budget_currency", budget.get("currency", ""))
    page.select_option("#id_color", (film.get("specs") or {}).get("color", ""))
    page.select_option("#id_is_student_project", _flag(film.get("is_student_project")))
    page.select_option("#id_is_first_time_filmmaker", _flag(film.get("is_first_time_filmmaker")))
    studio.save_fields()
    studio.open("genres")
    page.select_option("#id_kind", film.get("kind", ""))
    for slug in film.get("genres", []):
        page.check(f'input[name=genres][value="{Genre.objects.get(slug=slug).pk}"]')
    studio.save_fields()


def _amount(budget: dict[str, Any]) -> str:
    """The budget's amount, typed only with its currency (the studio asks for both)."""
    return budget.get("amount", "") if budget.get("currency") else ""


def _flag(value: bool | None) -> str:
    return {True: "true", False: "false"}.get(value, "unknown")  # type: ignore[arg-type]


def type_lists(studio: Studio, film: dict[str, Any]) -> None:
    page = studio.page
    studio.open("titles")
    for title in film.get("titles", []):
        page.fill("#id_text", title["text"])
        page.select_option("#id_kind", title["kind"])
        page.fill("#id_language", language_as_typed(title.get("language", "")))
        studio.add("titles", title["text"])
    studio.open("places")
    for country in film.get("countries", []):
        page.select_option("#id_country_country", country["country"])
        page.select_option("#id_country_role", country["role"])
        studio.add("countries", vocab.country_name(country["country"], "en"))
    for language in film.get("languages", []):
        page.fill("#id_language_language", language_as_typed(language["language"]))
        page.select_option("#id_language_role", language["role"])
        page.fill("#id_language_label", language.get("label", ""))
        studio.add("languages", language.get("label") or vocab.language_name(language["language"]))
    studio.open("companies")
    for company in film.get("companies", []):
        page.fill("#id_name", company["name"])
        page.select_option("#id_role", company["role"])
        studio.add("companies", company["name"])


def type_credits_texts_festivals(studio: Studio, film: dict[str, Any]) -> None:
    type_credits(studio, film)
    type_people(studio, film)
    type_texts(studio, film)
    type_festivals(studio, film)


def type_credits(studio: Studio, film: dict[str, Any]) -> None:
    page = studio.page
    studio.open("credits")
    for credit in film.get("credits", []):
        page.select_option("#id_role", str(Role.objects.get(code=credit["role"]).pk))
        person = credit["person"]
        if person is None:
            page.check("#id_name_not_given")
        else:
            page.fill("#id_person_query", person["name"])
        page.fill("#id_credited_as", credit.get("credited_as", ""))
        page.fill("#id_description", credit.get("description", ""))
        studio.add("credits", person["name"] if person else studio.t("Name not given"))


def _people(film: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each person the film credits, by name, with the names and biographies the demo gives
    them (wherever in the credits they are given)."""
    people: dict[str, dict[str, Any]] = {}
    for credit in film.get("credits", []):
        person = credit["person"]
        if person is not None:
            known = people.setdefault(person["name"], {"names": [], "biographies": {}})
            known["names"] = known["names"] or person.get("names", [])
            known["biographies"] = known["biographies"] or person.get("biographies", {})
    return people


def type_people(studio: Studio, film: dict[str, Any]) -> None:
    """Every person's other names and biographies, typed on their edit page reached from the
    studio's credits."""
    page = studio.page
    for name, person in _people(film).items():
        if not (person["names"] or person["biographies"]):
            continue
        studio.open("credits")
        with page.expect_navigation():
            page.locator(".item-link", has_text=name).first.click()
        record = Person.objects.get(display_name=name)
        for written in person["names"]:
            _type_name(studio, record, written)
        for language, body in person["biographies"].items():
            page.fill("#id_biography_language", language_as_typed(language))
            page.fill("#id_biography_body", body)
            studio.submit('form:has(input[name=action][value="biography-add"])')
        studio.check(f"person-{record.slug}")


def _type_name(studio: Studio, person: Person, written: dict[str, str]) -> None:
    """A written name: added, or (the name pages show) its script and order set in place."""
    page = studio.page
    shown = person.names.filter(name=written["name"]).first()
    if shown is None:
        page.fill("#id_name_name", written["name"])
        page.select_option("#id_name_script", written["script"])
        page.select_option("#id_name_order", written.get("order", ""))
        studio.submit('form:has(input[name=action][value="name-add"])')
        return
    page.locator(f'#names details:has(input[name=item][value="{shown.pk}"]) summary').click()
    page.select_option(f"#id_name-{shown.pk}-script", written["script"])
    page.select_option(f"#id_name-{shown.pk}-order", written.get("order", ""))
    studio.submit(f'form:has(input[name=item][value="{shown.pk}"])')


def type_texts(studio: Studio, film: dict[str, Any]) -> None:
    page = studio.page
    studio.open("texts")
    for text in film.get("texts", []):
        page.select_option("#id_kind", text["kind"])
        page.fill("#id_language", language_as_typed(text["language"]))
        page.fill("#id_body", text["body"])
        studio.add("texts", vocab.language_name(text["language"], "en"))


def type_festivals(studio: Studio, film: dict[str, Any]) -> None:
    page = studio.page
    studio.open("festivals")
    for entry in film.get("festivals", []):
        values = {
            "festival_query": entry["festival"],
            "year": str(entry.get("year") or ""),
            "number": str(entry.get("edition") or ""),
            "section_name": entry.get("section") or "",
            "award_name": entry.get("award") or "",
            "date": entry.get("date") or "",
        }
        for name, value in values.items():
            page.fill(f"#id_{name}", value)
        page.select_option("#id_result", entry["result"])
        studio.add("entries", entry.get("award") or entry.get("section") or entry["festival"])


def expected(film: dict[str, Any]) -> dict[str, Any]:
    """The demo's record in the shape ``saved`` reads a film."""
    return {**_expected_fields(film), **_expected_lists(film)}


def _expected_fields(film: dict[str, Any]) -> dict[str, Any]:
    budget = film.get("budget") or {}
    specs = film.get("specs") or {}
    return {
        "film": (
            film["title"],
            film.get("year"),
            film.get("completion_date"),
            film.get("kind", ""),
            film.get("runtime_minutes"),
            Decimal(budget["amount"]) if budget.get("amount") and budget.get("currency") else None,
            budget.get("currency", ""),
            budget.get("as_stated", ""),
            film.get("is_student_project"),
        ),
        "specs": {
            k: specs.get(k, "") for k in ("shooting_format", "sound", "aspect_ratio", "color")
        },
    }


def _expected_lists(film: dict[str, Any]) -> dict[str, Any]:
    return {
        "titles": [(t["text"], t["kind"], t.get("language", "")) for t in film.get("titles", [])],
        "countries": sorted((c["country"], c["role"]) for c in film.get("countries", [])),
        "languages": sorted(
            (lang["language"], lang["role"], lang.get("label", ""))
            for lang in film.get("languages", [])
        ),
        "genres": sorted(film.get("genres", [])),
        "companies": [(c["name"], c["role"]) for c in film.get("companies", [])],
        "credits": _sorted(
            (
                c["person"]["name"] if c["person"] else None,
                c["role"],
                c.get("credited_as", ""),
                c.get("description", ""),
            )
            for c in film.get("credits", [])
        ),  # a credit whose person is not named has None: sorted as text
        "people": {
            name: (_expected_names(name, person["names"]), person["biographies"])
            for name, person in _people(film).items()
        },
        "texts": sorted((t["kind"], t["language"], t["body"]) for t in film.get("texts", [])),
        "festivals": sorted(_expected_entry(e) for e in film.get("festivals", [])),
    }


def _sorted(rows: Any) -> list[Any]:
    return sorted(rows, key=str)


def _expected_names(name: str, names: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    """The demo's written names; the name a person was first credited with is one of them
    (found script, no order) unless the demo lists it."""
    rows = [(n["name"], n["script"], n.get("order", "")) for n in names]
    if name not in {row[0] for row in rows}:
        rows.append((name, name_script(name), ""))
    return sorted(rows)


def _saved_people(film: Film) -> dict[str, Any]:
    people = Person.objects.filter(credits__film=film).distinct()
    return {
        person.display_name: (
            sorted(person.names.values_list("name", "script", "order")),
            dict(person.biographies.values_list("language", "body")),
        )
        for person in people
    }


def _expected_entry(entry: dict[str, Any]) -> tuple[Any, ...]:
    return (
        entry["festival"],
        entry.get("edition"),
        entry.get("year"),
        entry.get("section") or None,
        entry.get("award") or None,
        entry["result"],
        entry.get("date"),
    )


def saved(film: Film) -> dict[str, Any]:
    entries = Entry.objects.filter(film=film).select_related(
        "edition__festival", "section", "award"
    )
    return {
        "film": (
            film.title,
            film.year,
            film.completion_date.isoformat() if film.completion_date else None,
            film.kind,
            film.runtime_minutes,
            film.budget_amount,
            film.budget_currency,
            film.budget_as_stated,
            film.is_student_project,
        ),
        "specs": {
            k: getattr(film, k) for k in ("shooting_format", "sound", "aspect_ratio", "color")
        },
        "titles": list(film.titles.values_list("text", "kind", "language")),
        "countries": sorted(film.countries.values_list("country", "role")),
        "languages": sorted(film.languages.values_list("language", "role", "label")),
        "genres": sorted(film.genres.values_list("slug", flat=True)),
        "companies": list(film.companies.values_list("organisation__name", "role")),
        "credits": _sorted(
            film.credits.values_list(
                "person__display_name", "role__code", "credited_as", "description"
            )
        ),
        "people": _saved_people(film),
        "texts": sorted(film.texts.values_list("kind", "language", "body")),
        "festivals": sorted(
            (
                e.edition.festival.name,
                e.edition.number,
                e.edition.year,
                e.section.name if e.section else None,
                e.award.name if e.award else None,
                e.result,
                e.date.isoformat() if e.date else None,
            )
            for e in entries
        ),
    }


@pytest.mark.parametrize(
    "slug", ["when-we-meet-under-the-same-sky", "out-of-focus", "the-home-gleaners"]
)
def test_a_seed_film_typed_into_the_studio_is_the_demos_record(live_server, chromium, slug):
    film = demo(slug)
    base = live_server.url
    studio = Studio(signed_in_page(chromium, base, "en", 1280), base, "en", f"demo-{slug}")
    studio.page.goto(f"{base}/studio/new/")
    studio.page.fill("#id_title", film["title"])
    studio.page.fill("#id_year", str(film.get("year") or ""))
    with studio.page.expect_navigation():
        studio.page.click("#from-scratch button[type=submit]")
    studio.slug = Film.objects.get(title=film["title"]).slug
    type_fields(studio, film)
    type_lists(studio, film)
    type_credits_texts_festivals(studio, film)
    studio.check("festivals")
    record = saved(Film.objects.get(slug=studio.slug))
    want = expected(film)
    for field in want:
        assert record[field] == want[field], field
