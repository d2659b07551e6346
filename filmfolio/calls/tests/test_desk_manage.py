"""The desk pages over the festival's records and the filmmaker's withdrawal: removing a
member, adding sections and awards, another category, closing a call, and withdrawing a
submission (the run entry follows, the desk shows it). Refusals are said and change nothing."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from filmfolio.calls.models import Category, FestivalMember, Submission
from filmfolio.calls.services import (
    Decision,
    submission_create,
    submission_decide,
    submission_withdraw,
)
from filmfolio.circuit.choices import Premiere, RunStatus
from filmfolio.core.errors import ObjectNotFoundError, ValidationFailedError
from filmfolio.core.models import ChangeRecord
from filmfolio.festivals.models import Award, Section
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.tests.factories import CollaboratorFactory

pytestmark = pytest.mark.django_db


def _client(user, language: str = "en") -> Client:
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.fixture
def submission(world) -> Submission:
    return submission_create(
        category_id=world.category.pk,
        film=world.film,
        premiere=Premiere.WORLD,
        language="en",
        actor=world.owner,
    )


def test_the_director_removes_a_member(world):
    slug = world.call.edition.festival.slug
    member = FestivalMember.objects.get(user=world.juror)
    response = _client(world.director).post(f"/calls/desk/{slug}/members/{member.pk}/remove/")
    assert response.status_code == 302
    assert not FestivalMember.objects.filter(pk=member.pk).exists()
    page = _client(world.director).get(f"/calls/desk/{slug}/members/").content.decode()
    assert world.juror.email not in page


def test_a_programmer_may_not_remove_and_the_last_director_stays(world):
    slug = world.call.edition.festival.slug
    juror = FestivalMember.objects.get(user=world.juror)
    response = _client(world.programmer).post(f"/calls/desk/{slug}/members/{juror.pk}/remove/")
    assert response.status_code == 404
    director = FestivalMember.objects.get(user=world.director)
    response = _client(world.director, "zh-hans").post(
        f"/calls/desk/{slug}/members/{director.pk}/remove/", follow=True
    )
    assert "影展至少要保留一位总监。" in response.content.decode()
    assert FestivalMember.objects.filter(pk__in=[juror.pk, director.pk]).count() == 2


def test_the_programme_page_adds_a_section_and_an_award(world):
    festival = world.call.edition.festival
    client = _client(world.programmer)
    url = f"/calls/desk/{festival.slug}/programme/"
    assert "Short Competition" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "action": "section",
            "section-edition": world.call.edition.pk,
            "section-name": "  Night Visions ",
            "section-is_competitive": "on",
        },
    )
    assert response.status_code == 302
    section = Section.objects.get(name="Night Visions")
    assert (section.edition, section.is_competitive) == (world.call.edition, True)
    response = client.post(url, {"action": "award", "award-name": "Audience Award"})
    assert response.status_code == 302
    assert Award.objects.filter(festival=festival, name="Audience Award").count() == 1
    assert ChangeRecord.objects.filter(object_id=festival.pk, section="sections").count() == 1
    assert ChangeRecord.objects.filter(object_id=festival.pk, section="awards").count() == 1


def test_the_programme_page_refuses_an_empty_name_and_a_juror(world):
    festival = world.call.edition.festival
    url = f"/calls/desk/{festival.slug}/programme/"
    response = _client(world.programmer).post(url, {"action": "award", "award-name": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert _client(world.juror).get(url).status_code == 404
    response = _client(world.juror).post(url, {"action": "award", "award-name": "Sneaky"})
    assert response.status_code == 404
    assert Award.objects.filter(festival=festival).count() == 1


def test_a_second_category_is_added_and_a_bad_one_refused(world):
    url = f"/calls/desk/c/{world.call.slug}/"
    client = _client(world.director)
    response = client.post(
        url,
        {
            "action": "category",
            "category-name": "Animation",
            "category-runtime_max_minutes": "15",
            "category-countries": "fr, cn",
            "category-fee_regular": "12.50",
        },
    )
    assert response.status_code == 302
    added = Category.objects.get(call=world.call, name="Animation")
    assert (added.runtime_max_minutes, added.countries) == (15, ["FR", "CN"])
    assert str(added.fee_regular) == "12.50"
    response = client.post(
        url,
        {
            "action": "category",
            "category-name": "Broken",
            "category-runtime_min_minutes": "50",
            "category-runtime_max_minutes": "10",
            "category-countries": "XX",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "The longest runtime must not be below the shortest." in body
    assert "Unknown country codes: XX" in body
    assert Category.objects.filter(call=world.call).count() == 2


def test_the_call_is_closed_and_opened_again(world):
    url = f"/calls/desk/c/{world.call.slug}/"
    client = _client(world.director)
    assert client.post(url, {"action": "close"}).status_code == 302
    world.call.refresh_from_db()
    assert world.call.is_open is False
    assert world.call.title not in Client().get("/calls/").content.decode()
    assert client.post(url, {"action": "open"}).status_code == 302
    world.call.refresh_from_db()
    assert world.call.is_open is True


def test_a_juror_and_the_filmmaker_may_not_manage_the_call(world):
    url = f"/calls/desk/c/{world.call.slug}/"
    for user in (world.juror, world.owner):
        assert _client(user).get(url).status_code == 404
        assert _client(user).post(url, {"action": "close"}).status_code == 404
    world.call.refresh_from_db()
    assert world.call.is_open is True


def test_the_filmmaker_withdraws_and_the_desk_shows_it(world, submission):
    response = _client(world.owner).post(f"/calls/submissions/{submission.public_id}/withdraw/")
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == RunStatus.WITHDRAWN
    submission.run_entry.refresh_from_db()
    assert submission.run_entry.status == RunStatus.WITHDRAWN
    slug = world.call.edition.festival.slug
    desk = _client(world.director, "zh-hans").get(f"/calls/desk/{slug}/").content.decode()
    assert "已撤回" in desk
    mine = _client(world.owner).get("/calls/submissions/").content.decode()
    assert "Withdrawn" in mine
    assert f"/calls/submissions/{submission.public_id}/withdraw/" not in mine


def test_an_editor_may_withdraw_a_viewer_may_not(world, submission):
    viewer = CollaboratorFactory(film=world.film, role=CollaboratorRole.VIEWER).user
    with pytest.raises(ObjectNotFoundError):
        submission_withdraw(submission=submission, actor=viewer)
    assert (
        _client(viewer).post(f"/calls/submissions/{submission.public_id}/withdraw/").status_code
        == 404
    )
    submission.refresh_from_db()
    assert submission.status == RunStatus.SUBMITTED
    editor = CollaboratorFactory(film=world.film, role=CollaboratorRole.EDITOR).user
    submission_withdraw(submission=submission, actor=editor)
    assert Submission.objects.get(pk=submission.pk).status == RunStatus.WITHDRAWN


def test_a_decided_submission_may_not_be_withdrawn(world, submission):
    submission_decide(
        submission=submission,
        decision=Decision(selected=False),
        actor=world.director,
    )
    with pytest.raises(ValidationFailedError) as refused:
        submission_withdraw(submission=submission, actor=world.owner)
    assert refused.value.message == "A submission that is “Not selected” cannot be withdrawn."
    assert Submission.objects.get(pk=submission.pk).status == RunStatus.NOT_SELECTED
