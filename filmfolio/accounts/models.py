"""Organisations (production houses, schools, distributors) and who belongs to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from filmfolio.core.models import TimeStampedModel

from .choices import ClaimStatus, MembershipRole, OrganisationKind


class Organisation(TimeStampedModel):
    """A company or institution credited on films: producer, school, distributor, fund."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(
        _("kind"), max_length=32, choices=OrganisationKind.choices, default=OrganisationKind.OTHER
    )
    aliases = models.JSONField(_("other names"), default=list, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    website = models.URLField(_("website"), blank=True)
    match_key = models.CharField(max_length=200, db_index=True, editable=False, default="")

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Membership(TimeStampedModel):
    """A user's membership of an organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=16, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


class PersonClaim(TimeStampedModel):
    """A user's claim "this is me" on a person record; an administrator confirms or declines it.

    On confirmation ``Person.user`` is set to the claimant (see ``accounts.services``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="person_claims"
    )
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="claims")
    message = models.TextField(_("message to the administrator"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "person"],
                condition=models.Q(status="pending"),
                name="unique_pending_person_claim",
            )
        ]
        verbose_name = _("person claim")
        verbose_name_plural = _("person claims")

    def __str__(self) -> str:
        return f"{self.user} → {self.person} ({self.get_status_display()})"


class AccountSettings(TimeStampedModel):
    """A user's settings kept on the account: the language chosen with the site's language
    switch, in which every e-mail to them is written (reminders, festival notifications)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account_settings"
    )
    language = models.CharField(_("language"), max_length=16, blank=True)

    class Meta:
        verbose_name = _("account settings")
        verbose_name_plural = _("account settings")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.language}"
