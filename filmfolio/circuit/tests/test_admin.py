"""The admin of run entries writes through the services: a change is checked and recorded, a
refused change is said on the form and saves nothing, a deletion is the service's, nothing is
added here."""

from __future__ import annotations

import pytest
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.circuit.choices import RunStatus
from filmfolio.circuit.models import RunEntry
from filmfolio.core.audit import changes_for

from .factories import RunEntryFactory

pytestmark = pytest.mark.django_db


def _admin() -> Client:
    client = Client()
    client.force_login(UserFactory.create(staff=True))
    return client


def _form(entry: RunEntry, **values) -> dict:
    base = {
        "category": entry.category,
        "deadline": entry.deadline.isoformat() if entry.deadline else "",
        "fee_amount": "",
        "fee_currency": "",
        "notification_on": "",
        "notes": entry.notes,
        "premiere": "",
        "premiere_territory": "",
        "status": entry.status,
    }
    return {**base, **values}


def test_a_change_goes_through_the_services():
    entry = RunEntryFactory(category="Shorts", status=RunStatus.PLANNED)
    url = f"/admin/circuit/runentry/{entry.pk}/change/"
    client = _admin()
    assert client.get(url).status_code == 200
    response = client.post(url, _form(entry, category="Animation", status="submitted"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.category, entry.status) == ("Animation", RunStatus.SUBMITTED)
    records = [set(record.changes) for record in changes_for(entry)]
    assert {"category"} in records
    assert {"status", "submitted_on"} in records


def test_a_refused_change_saves_nothing():
    entry = RunEntryFactory(category="Shorts", status=RunStatus.PLANNED)
    url = f"/admin/circuit/runentry/{entry.pk}/change/"
    response = _admin().post(url, _form(entry, category="X", fee_amount="10", status="awarded"))
    assert response.status_code == 200
    assert "An entry that is “Planned” cannot become “Awarded”." in response.content.decode()
    response = _admin().post(url, _form(entry, category="X", fee_amount="10"))
    assert response.status_code == 200
    assert "Give the fee&#x27;s currency as an ISO 4217 code (EUR)." in response.content.decode()
    entry.refresh_from_db()
    assert (entry.category, entry.status, entry.fee_amount) == ("Shorts", "planned", None)
    assert changes_for(entry).count() == 0


def test_nothing_is_added_here_and_a_deletion_is_recorded():
    entry = RunEntryFactory()
    client = _admin()
    assert client.get("/admin/circuit/runentry/add/").status_code == 403
    response = client.post(f"/admin/circuit/runentry/{entry.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not RunEntry.objects.filter(pk=entry.pk).exists()
    assert changes_for(entry).get().action == "remove"
