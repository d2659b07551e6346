"""Enumerations of the accounts app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    PRODUCTION_HOUSE = "production_house", _("Production house")
    SCHOOL = "school", _("School")
    DISTRIBUTOR = "distributor", _("Distributor")
    SALES_AGENT = "sales_agent", _("Sales agent")
    BROADCASTER = "broadcaster", _("Broadcaster")
    FUND = "fund", _("Fund")
    FESTIVAL_ORGANISER = "festival_organiser", _("Festival organiser")
    OTHER = "other", _("Other")


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    ADMIN = "admin", _("Administrator")


class ClaimStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an administrator")
    APPROVED = "approved", _("Confirmed")
    REJECTED = "rejected", _("Declined")
