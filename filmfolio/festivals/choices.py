"""Enumerations of the festivals app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryResult(models.TextChoices):
    SELECTED = "selected", _("Official selection")
    IN_COMPETITION = "in_competition", _("In competition")
    NOMINATED = "nominated", _("Nominated")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    WON = "won", _("Winner")
    SPECIAL_MENTION = "special_mention", _("Special mention")

    @classmethod
    def awarded(cls) -> list[str]:
        """Results that count as an award."""
        return [cls.WON, cls.SPECIAL_MENTION]


class EntryEvidence(models.TextChoices):
    """What backs a festival fact: the filmmaker's word, a source that was checked, or the
    festival itself through Filmfolio."""

    CLAIMED = "claimed", _("Claimed by the filmmaker")
    SOURCED = "sourced", _("Sourced")
    CONFIRMED = "confirmed", _("Confirmed by the festival")
