"""Editing a run entry after it is added: the service checks as on adding, changes all or
nothing and records each changed field; the studio's edit page is for the film's editors."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client

from filmfolio.circuit import services
from filmfolio.circuit.choices import Premiere
from filmfolio.circuit.models import RunEntry
from filmfolio.core.audit import changes_for
from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .factories import RunEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return CollaboratorFactory(role=CollaboratorRole.OWNER)


def _client(user, language="en") -> Client:
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_the_update_changes_the_fields_and_records_each(owner):
    entry = RunEntryFactory(film=owner.film, category="Shorts", notes="")
    edit = services.RunEntryEdit.of(entry)
    services.run_entry_update(
        entry=entry,
        actor=owner.user,
        edit=services.RunEntryEdit(
            **{
                **edit.__dict__,
                "category": " Documentary shorts ",
                "fee_amount": Decimal("25"),
                "fee_currency": "usd",
                "notification_on": datetime.date(2031, 5, 1),
                "premiere": Premiere.NATIONAL,
                "premiere_territory": "fr",
            }
        ),
    )
    entry = RunEntry.objects.get(pk=entry.pk)
    assert (entry.category, entry.fee_amount, entry.fee_currency) == (
        "Documentary shorts",
        Decimal("25.00"),
        "USD",
    )
    assert (entry.notification_on, entry.premiere, entry.premiere_territory) == (
        datetime.date(2031, 5, 1),
        "national",
        "FR",
    )
    record = changes_for(entry).get()
    assert record.changes["category"] == {"old": "Shorts", "new": "Documentary shorts"}
    assert record.changes["premiere_territory"] == {"old": "", "new": "FR"}
    assert set(record.changes) == {
        "category",
        "fee_amount",
        "fee_currency",
        "notification_on",
        "premiere",
        "premiere_territory",
    }
    # the same values again: nothing changes, nothing is recorded
    services.run_entry_update(entry=entry, actor=owner.user, edit=services.RunEntryEdit.of(entry))
    assert changes_for(entry).count() == 1


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"fee_amount": Decimal("10"), "fee_currency": ""}, "fee_currency"),
        ({"premiere": Premiere.REGIONAL, "premiere_territory": ""}, "premiere_territory"),
        ({"premiere_territory": "XX"}, "premiere_territory"),
        ({"category": "x" * 201}, "category"),
    ],
)
def test_a_bad_edit_changes_nothing(owner, values, field):
    entry = RunEntryFactory(film=owner.film, category="Shorts")
    before = RunEntry.objects.filter(pk=entry.pk).values().get()
    edit = services.RunEntryEdit(**{**services.RunEntryEdit.of(entry).__dict__, **values})
    with pytest.raises(ValidationFailedError) as refused:
        services.run_entry_update(entry=entry, actor=owner.user, edit=edit)
    assert field in refused.value.errors
    assert RunEntry.objects.filter(pk=entry.pk).values().get() == before
    assert entry.category == "Shorts"
    assert changes_for(entry).count() == 0


def test_a_viewer_may_not_edit(owner):
    entry = RunEntryFactory(film=owner.film, category="Shorts")
    viewer = CollaboratorFactory(film=owner.film, role=CollaboratorRole.VIEWER).user
    edit = services.RunEntryEdit(**{**services.RunEntryEdit.of(entry).__dict__, "notes": "x"})
    with pytest.raises(PermissionDeniedError):
        services.run_entry_update(entry=entry, actor=viewer, edit=edit)
    url = f"/studio/films/{owner.film.slug}/run/{entry.pk}/edit/"
    assert _client(viewer).post(url, {"category": "Hijacked"}).status_code == 404
    assert RunEntry.objects.get(pk=entry.pk).category == "Shorts"


def test_the_studio_edit_page_saves_and_refuses_in_chinese(owner):
    entry = RunEntryFactory(film=owner.film, category="Shorts")
    url = f"/studio/films/{owner.film.slug}/run/{entry.pk}/edit/"
    client = _client(owner.user, "zh-hans")
    assert 'value="Shorts"' in client.get(url).content.decode()
    response = client.post(url, {"category": "Shorts", "fee_amount": "12"})
    assert response.status_code == 400
    assert "请用 ISO 4217 代码（如 EUR）填写费用的货币。" in response.content.decode()
    assert RunEntry.objects.get(pk=entry.pk).fee_amount is None
    response = client.post(
        url, {"category": "Shorts", "fee_amount": "12", "fee_currency": "EUR", "notes": "Hi"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.fee_amount, entry.fee_currency, entry.notes) == (Decimal("12.00"), "EUR", "Hi")
