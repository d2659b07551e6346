"""The festival run's pages: the film's run in the studio (add, move with a confirmation when a
premiere breaks, show publicly), the board and calendar across a filmmaker's films, the private
calendar feed; each shows only the entries of films the visitor works on."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from filmfolio.circuit.choices import RunStatus
from filmfolio.circuit.models import RunEntry
from filmfolio.festivals.tests.factories import EditionFactory, FestivalFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.models import ScreenerLink
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .factories import RunEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return CollaboratorFactory(role=CollaboratorRole.OWNER, film__title="Out of Focus")


def _signed_in(client, user):
    client.force_login(user)
    return client


def test_adding_an_entry_in_the_studio_shows_the_screener_link_once(client, owner):
    FestivalFactory(name="Cinéma du Réel")
    url = f"/studio/films/{owner.film.slug}/run/"
    response = _signed_in(client, owner.user).post(
        url,
        {
            "festival_query": "Cinéma du Réel",
            "year": "2027",
            "category": "Short films",
            "deadline": "2027-01-15",
            "fee_amount": "45",
            "fee_currency": "EUR",
            "status": "planned",
            "make_screener": "on",
        },
    )
    assert response.status_code == 302
    entry = RunEntry.objects.get()
    assert (entry.edition.festival.name, entry.fee_currency, entry.screener_link.recipient) == (
        "Cinéma du Réel",
        "EUR",
        "2027 Cinéma du Réel",
    )
    page = client.get(url).content.decode()
    assert "/share/s/" in page
    assert "€45.00" in page
    assert "Not opened yet" in page
    assert "/share/s/" not in client.get(url).content.decode()


def test_a_bad_entry_is_refused_in_the_users_language(client, owner):
    url = f"/studio/films/{owner.film.slug}/run/"
    client = _signed_in(client, owner.user)
    response = client.post(
        url,
        {"festival_query": "X", "year": "2027", "fee_amount": "5", "status": "planned"},
        headers={"accept-language": "zh-hans"},
    )
    assert response.status_code == 400
    assert "请选择费用的货币。" in response.content.decode()
    assert RunEntry.objects.count() == 0


def test_the_screener_link_shows_when_the_festival_saw_it(client, owner):
    link = ScreenerLink.objects.create(
        film=owner.film,
        recipient="Festival",
        token_hash="x" * 64,
        first_opened_at=datetime.datetime(2027, 2, 3, 10, 30, tzinfo=datetime.UTC),
    )
    RunEntryFactory(film=owner.film, screener_link=link)
    page = _signed_in(client, owner.user).get(f"/studio/films/{owner.film.slug}/run/")
    assert "Seen by the festival on 2027-02-03 10:30" in page.content.decode()


def test_the_board_moves_an_entry_and_asks_before_breaking_a_premiere(client, owner):
    later = EditionFactory(starts_on=datetime.date(2027, 9, 1))
    RunEntryFactory(film=owner.film, edition=later, premiere="world")
    entry = RunEntryFactory(
        film=owner.film,
        edition=EditionFactory(starts_on=datetime.date(2027, 5, 1)),
        status=RunStatus.SUBMITTED,
    )
    client = _signed_in(client, owner.user)
    board = client.get("/run/").content.decode()
    assert board.count("Out of Focus") == 2
    move = f"/studio/films/{owner.film.slug}/run/{entry.pk}/status/"
    asked = client.post(move, {"status": "selected", "next": "board"})
    assert asked.status_code == 409
    assert "would screen the film before it" in asked.content.decode()
    entry.refresh_from_db()
    assert entry.status == RunStatus.SUBMITTED
    done = client.post(move, {"status": "selected", "confirmed": "on", "next": "board"})
    assert (done.status_code, done["Location"]) == (302, "/run/")
    entry.refresh_from_db()
    assert entry.status == RunStatus.SELECTED


def test_the_board_shows_only_the_visitors_films(client, owner):
    RunEntryFactory(film=owner.film)
    stranger = CollaboratorFactory(role=CollaboratorRole.OWNER).user
    page = _signed_in(client, stranger).get("/run/")
    assert page.status_code == 200
    assert "Out of Focus" not in page.content.decode()
    assert "No festival entries yet." in page.content.decode()


def test_a_viewer_sees_the_board_without_moves(client, owner):
    RunEntryFactory(film=owner.film)
    viewer = CollaboratorFactory(role=CollaboratorRole.VIEWER, film=owner.film).user
    page = _signed_in(client, viewer).get("/run/").content.decode()
    assert "Out of Focus" in page
    assert "/status/" not in page.split("run-board", 1)[1]


def test_the_calendar_lists_dates_by_month_and_the_feed_is_private(client, owner):
    soon = timezone.localdate() + datetime.timedelta(days=40)
    RunEntryFactory(film=owner.film, deadline=soon, edition__festival__name="Reel; Fest")
    client = _signed_in(client, owner.user)
    page = client.get("/run/calendar/").content.decode()
    assert f">{soon:%Y-%m}</h2>" in page
    assert f">{soon:%Y-%m-%d}</time>" in page
    client.post("/run/calendar/address/")
    page = client.get("/run/calendar/").content.decode()
    address = page.split('id="calendar-url"', 1)[0].rsplit('value="', 1)[1].split('"', 1)[0]
    path = address.removeprefix("http://testserver")
    feed = client.__class__().get(path)
    body = feed.content.decode()
    assert feed["Content-Type"] == "text/calendar; charset=utf-8"
    assert f"DTSTART;VALUE=DATE:{soon:%Y%m%d}" in body
    entry = RunEntry.objects.get()
    assert f"SUMMARY:Deadline: Out of Focus — {entry.edition.number}" in body
    assert "(2027) Reel\\; Fest\r\n" in body
    # a new address stops the old one
    client.post("/run/calendar/address/")
    assert client.__class__().get(path).status_code == 404
    assert client.__class__().get("/run/calendar/guess.ics").status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client):
    for path in ("/run/", "/run/calendar/", "/run/status/planned/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_a_full_column_links_to_all_its_entries(client, owner):
    for _n in range(13):
        RunEntryFactory(film=owner.film)
    page = _signed_in(client, owner.user).get("/run/").content.decode()
    assert page.count('class="run-card"') == 12
    assert '<a href="/run/status/planned/">All 13</a>' in page


def test_a_status_column_pages_its_entries(client, owner):
    for _n in range(51):
        RunEntryFactory(film=owner.film)
    client = _signed_in(client, owner.user)
    first = client.get("/run/status/planned/").content.decode()
    second = client.get("/run/status/planned/?page=2").content.decode()
    assert (first.count('class="run-card"'), second.count('class="run-card"')) == (50, 1)
    assert client.get("/run/status/nonsense/").status_code == 404


def test_the_sharing_section_asks_before_making_the_film_public(client, owner):
    RunEntryFactory(film=owner.film, premiere="world", status=RunStatus.SUBMITTED)
    client = _signed_in(client, owner.user)
    url = f"/studio/films/{owner.film.slug}/sharing/"
    asked = client.post(url, {"form": "visibility", "visibility": "public"})
    assert asked.status_code == 400
    assert "expects a World premiere: a public film has premiered online." in (
        asked.content.decode()
    )
    owner.film.refresh_from_db()
    assert owner.film.visibility == "private"
    done = client.post(url, {"form": "visibility", "visibility": "public", "confirmed": "on"})
    assert done.status_code == 302
    owner.film.refresh_from_db()
    assert owner.film.visibility == "public"


def test_the_board_keeps_a_query_budget(client, owner, django_assert_max_num_queries):
    for n in range(28):
        RunEntryFactory(film=owner.film, status=list(RunStatus)[n % 7])
    other = CollaboratorFactory(user=owner.user, role=CollaboratorRole.EDITOR).film
    RunEntryFactory(film=other)
    client = _signed_in(client, owner.user)
    client.get("/run/")
    with django_assert_max_num_queries(16):
        page = client.get("/run/").content.decode()
    assert page.count('class="run-card"') == 29
