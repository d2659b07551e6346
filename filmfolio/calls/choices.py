"""Enumerations of the calls app."""

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


class SubmissionStatus(models.TextChoices):
    """Where a submission stands with the festival."""

    SUBMITTED = "submitted", _("Submitted")
    IN_CONSIDERATION = "in_consideration", _("In consideration")
    SELECTED = "selected", _("Selected")
    NOT_SELECTED = "not_selected", _("Not selected")
    AWARDED = "awarded", _("Awarded")
    WITHDRAWN = "withdrawn", _("Withdrawn")

    @classmethod
    def decided(cls) -> list[str]:
        return [cls.SELECTED, cls.NOT_SELECTED, cls.AWARDED]


class Premiere(models.TextChoices):
    """The premiere status a film has, or a category asks for."""

    WORLD = "world", _("World premiere")
    INTERNATIONAL = "international", _("International premiere")
    REGIONAL = "regional", _("Regional premiere")
    NATIONAL = "national", _("National premiere")
    NONE = "none", _("No premiere status")

    @classmethod
    def satisfies(cls, offered: str, required: str) -> bool:
        """A world premiere satisfies every requirement; an international one every narrower
        one; and so on down the list."""
        order = [cls.WORLD, cls.INTERNATIONAL, cls.REGIONAL, cls.NATIONAL, cls.NONE]
        if not required or required == cls.NONE:
            return True
        return order.index(cls(offered)) <= order.index(cls(required))


class Deadline(models.TextChoices):
    """The deadline a submission came in by, which sets its fee."""

    EARLY = "early", _("Early deadline")
    REGULAR = "regular", _("Regular deadline")
    LATE = "late", _("Late deadline")
