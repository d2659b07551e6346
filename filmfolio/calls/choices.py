"""Enumerations of the calls app. A submission's status and premiere use the festival run's
(``circuit.choices.RunStatus``, ``Premiere`` and ``OFFERED_PREMIERES``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberRole(models.TextChoices):
    """A person's role in a festival's account."""

    DIRECTOR = "director", _("Director")
    PROGRAMMER = "programmer", _("Programmer")
    JUROR = "juror", _("Juror")
    STAFF = "staff", _("Staff")

    @classmethod
    def managing(cls) -> list[str]:
        """Roles that see every submission to the festival and manage its records."""
        return [cls.DIRECTOR, cls.PROGRAMMER, cls.STAFF]


class Deadline(models.TextChoices):
    """The deadline a submission came in by, which sets its fee."""

    EARLY = "early", _("Early deadline")
    REGULAR = "regular", _("Regular deadline")
    LATE = "late", _("Late deadline")
