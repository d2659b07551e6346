"""The call pages and the desk through the test client: submit in one step, refusals shown
and nothing written, the screener opened from the desk shows as "seen", decisions."""

from __future__ import annotations

import pytest
from django.test import Client

from filmfolio.calls.models import Review, Submission
from filmfolio.calls.services import submission_create
from filmfolio.circuit.choices import Premiere, RunStatus
from filmfolio.festivals.choices import EntryEvidence
from filmfolio.festivals.models import Entry
from filmfolio.sharing.models import ScreenerLink

from .factories import CallFactory

pytestmark = pytest.mark.django_db


BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36"


def _client(user) -> Client:
    client = Client(HTTP_USER_AGENT=BROWSER)
    client.force_login(user)
    return client


def _submitted(world) -> Submission:
    return submission_create(
        category_id=world.category.pk,
        film=world.film,
        premiere=Premiere.WORLD,
        language="en",
        actor=world.owner,
    )


def test_the_index_lists_open_calls_only(world):
    CallFactory(title="Closed Call Zyx", is_open=False)
    body = Client().get("/calls/").content.decode()
    assert "Shorts 2027" in body
    assert "Closed Call Zyx" not in body


def test_a_filmmaker_submits_in_one_step(world):
    client = _client(world.owner)
    page = client.get(world.call.get_absolute_url())
    assert "River Notes" in page.content.decode()
    response = client.post(
        world.call.get_absolute_url(),
        {"film": world.film.pk, "category": world.category.pk, "premiere": "world"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/calls/submissions/"
    submission = Submission.objects.get()
    assert (submission.film, submission.category) == (world.film, world.category)
    mine = client.get("/calls/submissions/").content.decode()
    assert "River Notes" in mine
    assert "Not seen yet" in mine


def test_a_refusal_names_the_rule_and_writes_nothing(world):
    world.film.runtime_minutes = 95
    world.film.save()
    response = _client(world.owner).post(
        world.call.get_absolute_url(),
        {"film": world.film.pk, "category": world.category.pk, "premiere": "world"},
    )
    assert response.status_code == 400
    assert (
        "The film runs 95 minutes; this category takes films of at most 40 minutes."
        in response.content.decode()
    )
    assert Submission.objects.count() == 0
    assert ScreenerLink.objects.count() == 0


def test_another_users_film_is_not_offered(world, stranger):
    response = _client(stranger).post(
        world.call.get_absolute_url(),
        {"film": world.film.pk, "category": world.category.pk, "premiere": "world"},
    )
    assert response.status_code == 400
    assert Submission.objects.count() == 0


def test_the_programmer_watches_and_the_filmmaker_sees_seen(world):
    submission = _submitted(world)
    programmer = _client(world.programmer)
    desk = programmer.get(f"/calls/desk/{world.call.edition.festival.slug}/").content.decode()
    assert "River Notes" in desk
    response = programmer.post(f"/calls/desk/s/{submission.public_id}/watch/")
    assert response["Location"] == world.film.get_absolute_url()
    film_page = programmer.get(world.film.get_absolute_url())
    assert film_page.status_code == 200
    assert ScreenerLink.objects.get(pk=submission.screener_link_id).open_count == 1
    mine = _client(world.owner).get("/calls/submissions/").content.decode()
    assert "Seen by the festival on" in mine


def test_a_juror_sees_only_assigned_submissions(world):
    submission = _submitted(world)
    juror = _client(world.juror)
    festival_desk = f"/calls/desk/{world.call.edition.festival.slug}/"
    assert "River Notes" not in juror.get(festival_desk).content.decode()
    assert juror.get(f"/calls/desk/s/{submission.public_id}/").status_code == 404
    _client(world.programmer).post(
        f"/calls/desk/s/{submission.public_id}/",
        {"action": "assign", "member": world.juror_member.pk},
    )
    assert "River Notes" in juror.get(festival_desk).content.decode()
    response = juror.post(
        f"/calls/desk/s/{submission.public_id}/",
        {"action": "review", "rating": "5", "notes": "Moving."},
    )
    assert response.status_code == 302
    assert Review.objects.get().rating == 5
    decided = juror.post(
        f"/calls/desk/s/{submission.public_id}/",
        {"action": "decide", "selected": "yes", "section": world.section.pk, "result": "selected"},
    )
    assert decided.status_code == 404
    assert Submission.objects.get().status == RunStatus.IN_CONSIDERATION


def test_the_festival_decides_and_the_film_page_shows_the_confirmed_award(world):
    submission = _submitted(world)
    director = _client(world.director)
    response = director.post(
        f"/calls/desk/s/{submission.public_id}/",
        {
            "action": "decide",
            "selected": "yes",
            "section": world.section.pk,
            "award": world.award.pk,
            "result": "won",
        },
    )
    assert response.status_code == 302
    entry = Entry.objects.get(film=world.film)
    assert entry.evidence == EntryEvidence.CONFIRMED
    body = _client(world.owner).get(world.film.get_absolute_url()).content.decode()
    assert "Best Short Documentary" in body


def test_the_desk_filters(world):
    _submitted(world)
    client = _client(world.director)
    desk = f"/calls/desk/{world.call.edition.festival.slug}/"
    assert "River Notes" in client.get(desk, {"runtime_max": "30"}).content.decode()
    assert "River Notes" not in client.get(desk, {"runtime_max": "10"}).content.decode()
    assert "River Notes" in client.get(desk, {"country": "fr"}).content.decode()
    assert "River Notes" not in client.get(desk, {"country": "DE"}).content.decode()
    assert "River Notes" not in client.get(desk, {"premiere": "national"}).content.decode()
    assert "River Notes" not in client.get(desk, {"status": "selected"}).content.decode()


def test_a_director_opens_a_call_from_the_desk(world):
    response = _client(world.director).post(
        f"/calls/desk/{world.call.edition.festival.slug}/",
        {
            "call-year": "2028",
            "call-title": "Open Call 2028",
            "call-regular_deadline": "2099-01-01",
            "call-notification_on": "2099-02-01",
            "call-category": "Fiction",
            "call-fee_currency": "USD",
            "call-fee_regular": "15",
        },
    )
    assert response.status_code == 302
    assert "Open Call 2028" in Client().get("/calls/").content.decode()
