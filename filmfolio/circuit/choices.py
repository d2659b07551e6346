"""Enumerations of the festival run: an entry's status and the premiere it was entered as.

They are also the enumerations of a festival's submissions (``calls``, above this app): one
list of statuses, one of premieres."""

from typing import Any

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

    @classmethod
    def decided(cls) -> list[str]:
        """Statuses that carry a festival's decision (what a festival notifies)."""
        return [cls.SELECTED, cls.NOT_SELECTED, cls.AWARDED]


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

    @classmethod
    def satisfies(cls, offered: str, required: str) -> bool:
        """A world premiere satisfies every requirement; an international one every narrower
        one; and so on down the list. No requirement (blank or ``NO_PREMIERE``) is satisfied by
        anything; an offered ``NO_PREMIERE`` satisfies no requirement."""
        if not required or required == NO_PREMIERE:
            return True
        order = [cls.WORLD, cls.INTERNATIONAL, cls.REGIONAL, cls.NATIONAL]
        if offered not in order:
            return False
        return order.index(cls(offered)) <= order.index(cls(required))


# What a film offers when it has no premiere status left (a submission must say so; a run
# entry leaves ``premiere`` blank when the festival asks for none).
NO_PREMIERE = "none"
OFFERED_PREMIERES: list[tuple[str, Any]] = [
    *Premiere.choices,
    (NO_PREMIERE, _("No premiere status")),
]


class ReminderKind(models.TextChoices):
    """What a reminder e-mail is about."""

    DEADLINE = "deadline", _("Deadline")
    NOTIFICATION = "notification", _("Notification date")
