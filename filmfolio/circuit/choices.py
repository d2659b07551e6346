"""Enumerations of the festival run: an entry's status and the premiere it was entered as."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RunStatus(models.TextChoices):
    """Where an entry of a film's festival run stands."""

    PLANNED = "planned", _("Planned")
    SUBMITTED = "submitted", _("Submitted")
    IN_CONSIDERATION = "in_consideration", _("In consideration")
    SELECTED = "selected", _("Selected")
    NOT_SELECTED = "not_selected", _("Not selected")
    AWARDED = "awarded", _("Awarded")
    WITHDRAWN = "withdrawn", _("Withdrawn")

    @classmethod
    def pending(cls) -> list[str]:
        """Statuses of an entry whose festival may still screen the film as a premiere."""
        return [cls.PLANNED, cls.SUBMITTED, cls.IN_CONSIDERATION, cls.SELECTED]

    @classmethod
    def public(cls) -> list[str]:
        """Statuses whose entry may become the film's public festival record."""
        return [cls.SELECTED, cls.AWARDED]


# The moves an entry may make; a status missing here is final.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    RunStatus.PLANNED: (RunStatus.SUBMITTED, RunStatus.WITHDRAWN),
    RunStatus.SUBMITTED: (
        RunStatus.IN_CONSIDERATION,
        RunStatus.SELECTED,
        RunStatus.NOT_SELECTED,
        RunStatus.WITHDRAWN,
    ),
    RunStatus.IN_CONSIDERATION: (RunStatus.SELECTED, RunStatus.NOT_SELECTED, RunStatus.WITHDRAWN),
    RunStatus.SELECTED: (RunStatus.AWARDED, RunStatus.WITHDRAWN),
}


class Premiere(models.TextChoices):
    """The premiere status a festival asks for (blank: none asked)."""

    WORLD = "world", _("World premiere")
    INTERNATIONAL = "international", _("International premiere")
    REGIONAL = "regional", _("Regional premiere")
    NATIONAL = "national", _("National premiere")


class ReminderKind(models.TextChoices):
    """What a reminder e-mail is about."""

    DEADLINE = "deadline", _("Deadline")
    NOTIFICATION = "notification", _("Notification date")
