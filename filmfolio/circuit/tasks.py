"""Background work of the festival run."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from . import reminders


@task()
def send_run_reminders_task() -> int:
    """Send the reminders due today (safe to run twice); returns how many went."""
    return reminders.reminders_send(today=timezone.localdate())
