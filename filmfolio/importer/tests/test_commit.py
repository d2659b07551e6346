"""Committing records: all or nothing, linking existing people and festivals, idempotent."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import IntegrityError

from filmfolio.festivals.models import Edition, Entry, Festival, Section
from filmfolio.films.models import Credit, Film
from filmfolio.importer.records import FilmRecord
from filmfolio.importer.services import records_commit
from filmfolio.people.models import Person

pytestmark = pytest.mark.django_db


def _record(**extra):
    data = {
        "title": "River Letters",
        "slug": "river-letters",
        "credits": [
            {"person": {"name": "Shengze Zhu"}, "role": "Director"},
            {"person": {"name": "Zhu Shengze"}, "role": "Producers"},
        ],
        "festivals": [
            {
                "festival": "Cinéma du Réel",
                "edition": 36,
                "year": 2014,
                "section": "International First Films Competition",
            }
        ],
    }
    data.update(extra)
    return FilmRecord.model_validate(data)


def test_commit_links_people_by_name_in_any_order():
    report = records_commit(records=[_record()])
    assert report.created == ["river-letters"]
    assert Person.objects.count() == 1
    credits = Credit.objects.order_by("position")
    assert [(c.person.display_name, c.role.code) for c in credits] == [
        ("Shengze Zhu", "director"),
        ("Shengze Zhu", "producer"),
    ]
    assert report.log.created == {"people": {"Shengze Zhu"}, "festivals": {"Cinéma du Réel"}}


def test_second_commit_links_existing_records_instead_of_duplicating():
    records_commit(records=[_record()])
    report = records_commit(
        records=[
            _record(
                slug="other-film",
                title="Other film",
                festivals=[
                    {
                        "festival": "cinema du reel",
                        "edition": 36,
                        "year": 2014,
                        "section": "international first films competition",
                    }
                ],
            )
        ]
    )
    assert report.log.linked == {"people": {"Shengze Zhu"}, "festivals": {"Cinéma du Réel"}}
    assert report.log.created == {}
    assert (Person.objects.count(), Festival.objects.count()) == (1, 1)
    assert (Edition.objects.count(), Section.objects.count()) == (1, 1)
    assert Entry.objects.count() == 2


def test_same_slug_replaces_the_facts():
    records_commit(records=[_record()])
    report = records_commit(records=[_record(title="River Letters (new cut)", credits=[])])
    assert report.updated == ["river-letters"]
    film = Film.objects.get()
    assert film.title == "River Letters (new cut)"
    assert film.credits.count() == 0


def test_a_failing_record_rolls_back_the_whole_commit():
    good = _record()
    # Two English synopses break a unique constraint in the second batch.
    texts = [
        {"kind": "synopsis", "language": "en", "body": "One."},
        {"kind": "synopsis", "language": "en", "body": "Two."},
    ]
    bad = _record(slug="bad", title="Bad", texts=texts)
    with pytest.raises(IntegrityError):
        records_commit(records=[good, bad], batch_size=1)
    assert Film.objects.count() == 0
    assert Person.objects.count() == 0
    assert Festival.objects.count() == 0


def test_exact_repeats_in_a_record_are_kept_once():
    record = _record(
        languages=[{"language": "en"}, {"language": "en"}, {"language": "zh"}],
        countries=[{"country": "CN"}, {"country": "cn"}],
    )
    records_commit(records=[record])
    film = Film.objects.get()
    assert [(x.language, x.position) for x in film.languages.order_by("position")] == [
        ("en", 0),
        ("zh", 1),
    ]
    assert [c.country for c in film.countries.all()] == ["CN"]


def test_demo_is_idempotent_and_complete():
    call_command("demo")
    call_command("demo")
    assert Film.objects.count() == 3
    film = Film.objects.get(slug="out-of-focus")
    assert (film.year, film.runtime_minutes, film.kind) == (2013, 88, "documentary")
    assert (film.shooting_format, film.sound, film.aspect_ratio, film.color) == (
        "HD",
        "Stereo",
        "1.85 : 1",
        "color",
    )
    assert [(t.text, t.kind) for t in film.titles.all()] == [
        ("Out of Focus", "english"),
        ("虚焦", "original"),
        ("Xu Jiao", "romanised"),
    ]
    assert sorted((c.person.display_name, c.credited_as) for c in film.credits.all()) == [
        ("Shengze Zhu", "Cinematography"),
        ("Shengze Zhu", "Director"),
        ("Shengze Zhu", "Editor"),
        ("Shengze Zhu", "Producer"),
        ("Siya Huo", "Sound Mix"),
        ("Zhengfan Yang", "Cinematography"),
        ("Zhengfan Yang", "Editor"),
        ("Zhengfan Yang", "Producer"),
    ]
    sky = Film.objects.get(slug="when-we-meet-under-the-same-sky")
    assert (sky.budget_amount, sky.budget_currency) == (Decimal("347000.00"), "USD")
    entries = sorted(
        (e.edition.festival.name, e.edition.number, e.award.name, e.result, str(e.date))
        for e in sky.festival_entries.all()
    )
    assert entries == [
        ("China Documentary Academy Award", 7, "Shortlish Award", "shortlisted", "2017-12-29"),
        (
            "International Micro Film Exhibition of China Golden Rooster Baihua Film Festival",
            3,
            "Award For Excellent Work",
            "won",
            "2018-03-28",
        ),
    ]
    gleaners = Film.objects.get(slug="the-home-gleaners")
    uncredited = gleaners.credits.get(person__isnull=True)
    assert uncredited.role.code == "post-production"
    assert gleaners.budget_as_stated == "гд100,000"


def test_generated_catalogue_is_deterministic():
    call_command("generate-catalogue", films=30, seed=7)
    first = list(Film.objects.order_by("slug").values_list("slug", "title", "year", "kind"))
    titles = list(
        Credit.objects.order_by("film__slug", "position").values_list(
            "film__slug", "person__display_name", "role__code"
        )
    )
    Film.objects.all().delete()
    Person.objects.all().delete()
    Festival.objects.all().delete()
    call_command("generate-catalogue", films=30, seed=7)
    assert list(Film.objects.order_by("slug").values_list("slug", "title", "year", "kind")) == first
    assert (
        list(
            Credit.objects.order_by("film__slug", "position").values_list(
                "film__slug", "person__display_name", "role__code"
            )
        )
        == titles
    )
    assert len(first) == 30
