"""A festival's account and calls for entry: members in roles, calls per edition with their
categories, the films submitted to them, and the programmers' and jurors' work on them."""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from filmfolio.circuit.choices import OFFERED_PREMIERES, TRANSITIONS, Premiere, RunStatus
from filmfolio.circuit.money import fee_text
from filmfolio.core.models import TimeStampedModel
from filmfolio.festivals.choices import EntryResult

from .choices import Deadline, MemberRole
from .querysets import CallQuerySet, SubmissionQuerySet


def new_public_id() -> str:
    """A random address part for a submission (never a sequential id)."""
    return secrets.token_urlsafe(9)


class FestivalMember(TimeStampedModel):
    """A user who works for a festival in one role; the director manages the members."""

    festival = models.ForeignKey(
        "festivals.Festival", on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="festival_memberships"
    )
    role = models.CharField(_("role"), max_length=12, choices=MemberRole.choices)

    class Meta:
        ordering = ["festival", "role", "id"]
        verbose_name = _("festival member")
        verbose_name_plural = _("festival members")
        constraints = [
            models.UniqueConstraint(fields=["festival", "user"], name="unique_festival_member")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}) @ {self.festival_id}"


class Call(TimeStampedModel):
    """A call for entry of one edition: its rules, deadlines and the notification date.

    Deadlines are inclusive days in the site's time zone; a call takes submissions while it is
    open and its last deadline has not passed."""

    edition = models.ForeignKey("festivals.Edition", on_delete=models.CASCADE, related_name="calls")
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    rules = models.TextField(_("rules"), blank=True)
    early_deadline = models.DateField(_("early deadline"), null=True, blank=True)
    regular_deadline = models.DateField(_("regular deadline"))
    late_deadline = models.DateField(_("late deadline"), null=True, blank=True)
    notification_on = models.DateField(_("notification date"))
    fee_currency = models.CharField(_("fee currency"), max_length=3, default="EUR")
    is_open = models.BooleanField(_("open"), default=False)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["regular_deadline", "id"]
        verbose_name = _("call for entry")
        verbose_name_plural = _("calls for entry")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(notification_on__gte=models.F("regular_deadline")),
                name="call_notifies_after_deadline",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("calls:detail", kwargs={"slug": self.slug})

    def deadlines(self) -> list[tuple[str, object]]:
        """(kind, date) of each deadline the call has, earliest first."""
        pairs = [
            (Deadline.EARLY, self.early_deadline),
            (Deadline.REGULAR, self.regular_deadline),
            (Deadline.LATE, self.late_deadline),
        ]
        return [(kind, day) for kind, day in pairs if day is not None]


class Category(models.Model):
    """A category of a call with its eligibility rules and fees (recorded, never charged)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("name"), max_length=200)
    rules = models.TextField(_("rules"), blank=True)
    runtime_min_minutes = models.PositiveIntegerField(_("shortest runtime"), null=True, blank=True)
    runtime_max_minutes = models.PositiveIntegerField(_("longest runtime"), null=True, blank=True)
    completed_after = models.DateField(_("completed after"), null=True, blank=True)
    premiere_required = models.CharField(
        _("premiere required"), max_length=16, choices=Premiere.choices, blank=True
    )
    countries = models.JSONField(_("countries"), default=list, blank=True)
    fee_early = models.DecimalField(
        _("early fee"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    fee_regular = models.DecimalField(
        _("regular fee"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    fee_late = models.DecimalField(
        _("late fee"), max_digits=8, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["call", "id"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(fields=["call", "name"], name="unique_call_category")
        ]

    def __str__(self) -> str:
        return self.name

    def fee_for(self, deadline: str) -> Decimal | None:
        """The fee of the deadline a submission came in by."""
        return {
            Deadline.EARLY: self.fee_early,
            Deadline.REGULAR: self.fee_regular,
            Deadline.LATE: self.fee_late,
        }[Deadline(deadline)]

    def fee_texts(self) -> list[tuple[str, str]]:
        """(label, fee formatted for the active language) of each fee the category has."""
        labels = {
            Deadline.EARLY: _("Early fee"),
            Deadline.REGULAR: _("Fee"),
            Deadline.LATE: _("Late fee"),
        }
        currency = self.call.fee_currency
        return [
            (str(label), fee_text(self.fee_for(kind), currency))
            for kind, label in labels.items()
            if self.fee_for(kind) is not None
        ]


class Submission(TimeStampedModel):
    """A film submitted to a category by one of its owners, with the screener link made for the
    festival; the festival's status, shortlist and decision on it."""

    public_id = models.SlugField(max_length=16, unique=True, default=new_public_id)
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="submissions")
    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="submissions")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="submissions"
    )
    screener_link = models.ForeignKey(
        "sharing.ScreenerLink", on_delete=models.SET_NULL, null=True, related_name="submissions"
    )
    language = models.CharField(_("language"), max_length=16, default="en")
    premiere = models.CharField(_("premiere"), max_length=16, choices=OFFERED_PREMIERES)
    deadline = models.CharField(_("deadline"), max_length=8, choices=Deadline.choices)
    fee_amount = models.DecimalField(
        _("fee"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    fee_currency = models.CharField(_("fee currency"), max_length=3)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=RunStatus.choices,
        default=RunStatus.SUBMITTED,
    )
    is_shortlisted = models.BooleanField(_("shortlisted"), default=False)
    section = models.ForeignKey(
        "festivals.Section", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    award = models.ForeignKey(
        "festivals.Award", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    result = models.CharField(_("result"), max_length=16, choices=EntryResult.choices, blank=True)
    entry = models.ForeignKey(
        "festivals.Entry", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    run_entry = models.OneToOneField(
        "circuit.RunEntry",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submission",
        verbose_name=_("entry in the film's festival run"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    notified_at = models.DateTimeField(_("notified"), null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(fields=["category", "film"], name="unique_submission")
        ]

    def __str__(self) -> str:
        return f"{self.film} → {self.category}"

    @property
    def may_withdraw(self) -> bool:
        """Whether the run's transitions still let the submission be withdrawn."""
        return RunStatus.WITHDRAWN in TRANSITIONS.get(self.status, ())

    @property
    def fee_text(self) -> str:
        """The fee in the active language's format ("€15.00"), or ""."""
        return fee_text(self.fee_amount, self.fee_currency)

    @property
    def seen_at(self) -> object:
        """When the festival first opened the screener link (None: not yet)."""
        link = self.screener_link
        return link.first_opened_at if link is not None else None


class Assignment(TimeStampedModel):
    """A submission given to a programmer or juror to watch."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="assignments")
    member = models.ForeignKey(FestivalMember, on_delete=models.CASCADE, related_name="assignments")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "member"], name="unique_assignment")
        ]

    def __str__(self) -> str:
        return f"{self.submission_id} → {self.member}"


class Review(TimeStampedModel):
    """One viewer's rating (1–5) and private notes on a submission; only they read the notes."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reviews")
    member = models.ForeignKey(FestivalMember, on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    notes = models.TextField(_("private notes"), blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "member"], name="unique_review"),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__range=(1, 5)),
                name="review_rating_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} on {self.submission_id}"
