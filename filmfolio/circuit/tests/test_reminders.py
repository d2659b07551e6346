"""Reminder e-mails: sent before a planned entry's deadline and a submitted entry's notification
date to the film's editors and owners, in their language, each once (the command run twice
sends nothing new); a moved date is reminded again."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from filmfolio.accounts.language import user_language_set
from filmfolio.circuit import reminders
from filmfolio.circuit.choices import RunStatus
from filmfolio.circuit.models import ReminderSent
from filmfolio.circuit.tasks import send_run_reminders_task
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .factories import RunEntryFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 1, 10)


@pytest.fixture
def owner():
    return CollaboratorFactory(role=CollaboratorRole.OWNER, film__title="Out of Focus")


def test_a_deadline_is_reminded_once_to_editors_and_owners(owner):
    editor = CollaboratorFactory(role=CollaboratorRole.EDITOR, film=owner.film)
    CollaboratorFactory(role=CollaboratorRole.VIEWER, film=owner.film)
    entry = RunEntryFactory(film=owner.film, deadline=datetime.date(2027, 1, 15))
    out = StringIO()
    call_command("run-reminders", "--today", "2027-01-10", stdout=out)
    assert out.getvalue() == "2 reminder(s) sent.\n"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([owner.user.email, editor.user.email])
    assert mail.outbox[0].subject == (f"Deadline on 2027-01-15: Out of Focus at {entry.edition}")
    assert "Category: Short films" in mail.outbox[0].body
    assert reminders.reminders_send(today=TODAY) == 0
    assert len(mail.outbox) == 2
    entry.deadline = datetime.date(2027, 1, 16)
    entry.save()
    assert reminders.reminders_send(today=TODAY) == 2
    assert ReminderSent.objects.count() == 4


def test_reminders_are_written_in_the_users_language(owner):
    user_language_set(user=owner.user, language="zh-hans")
    RunEntryFactory(
        film=owner.film,
        status=RunStatus.SUBMITTED,
        deadline=None,
        notification_on=datetime.date(2027, 1, 12),
    )
    assert reminders.reminders_send(today=TODAY) == 1
    assert mail.outbox[0].subject.startswith("通知日期 2027-01-12：Out of Focus")


def test_nothing_is_reminded_too_early_past_or_once_decided(owner):
    RunEntryFactory(film=owner.film, deadline=datetime.date(2027, 1, 18))
    RunEntryFactory(film=owner.film, deadline=datetime.date(2027, 1, 9))
    RunEntryFactory(film=owner.film, deadline=datetime.date(2027, 1, 12), status="submitted")
    RunEntryFactory(
        film=owner.film, notification_on=datetime.date(2027, 1, 12), status="not_selected"
    )
    assert reminders.reminders_send(today=TODAY) == 0
    assert mail.outbox == []


def test_the_task_sends_todays_reminders(owner):
    RunEntryFactory(film=owner.film, deadline=timezone.localdate())
    assert send_run_reminders_task.call() == 1
    assert len(mail.outbox) == 1
