"""A site administrator appoints a festival's first director in the admin, through the
service (with the festival's change record); the other calls models are shown only."""

from __future__ import annotations

import pytest
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.calls.models import FestivalMember
from filmfolio.core.models import ChangeRecord
from filmfolio.festivals.tests.factories import FestivalFactory

pytestmark = pytest.mark.django_db


def test_an_administrator_appoints_the_first_director():
    admin_user, director = UserFactory(staff=True), UserFactory()
    festival = FestivalFactory()
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        "/admin/calls/festivalmember/add/",
        {"festival": festival.pk, "user": director.pk, "role": "director"},
    )
    assert response.status_code == 302
    member = FestivalMember.objects.get()
    assert (member.festival, member.user, member.role) == (festival, director, "director")
    record = ChangeRecord.objects.get(object_id=festival.pk, section="memberships")
    assert record.changes == {"member": {"old": None, "new": f"{director.email} (director)"}}


def test_submissions_are_shown_only():
    client = Client()
    client.force_login(UserFactory(staff=True))
    assert client.get("/admin/calls/submission/").status_code == 200
    assert client.get("/admin/calls/submission/add/").status_code == 403
