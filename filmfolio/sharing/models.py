"""Invitations to work on a film, and screener links to one film for one recipient.

The visibility field lives on the film and collaborators in ``films.models.collaborators``, with
the access policy that reads them."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from filmfolio.core.models import TimeStampedModel
from filmfolio.films.choices import CollaboratorRole


class Delivery(models.TextChoices):
    """What a screener link lets its recipient take away."""

    STREAM = "stream", _("Stream only")
    DOWNLOAD = "download", _("Stream and download a copy")


class Watermark(models.TextChoices):
    """How a screener link marks the picture with its recipient."""

    OVERLAY = "overlay", _("Drawn over the player")
    BURNED = "burned", _("Burned into a copy for this link")


class Campaign(TimeStampedModel):
    """Screener links sent to many recipients at once, each with its own link and watermark."""

    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="campaigns")
    name = models.CharField(_("name"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.name


class ScreenerLink(TimeStampedModel):
    """A private link to one film for one recipient ("Cinéma du Réel programming").

    Only the sha256 of the token is kept; the token itself is shown once, when the link is
    created. A link opens the film even when the film is private, until it expires or is revoked.
    """

    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="screener_links")
    recipient = models.CharField(_("recipient"), max_length=200)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    password_hash = models.CharField(max_length=200, blank=True, editable=False)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="screener_links",
    )
    first_opened_at = models.DateTimeField(_("first opened"), null=True, blank=True)
    last_opened_at = models.DateTimeField(_("last opened"), null=True, blank=True)
    open_count = models.PositiveIntegerField(_("times opened"), default=0)
    # Who the link is for: drawn in the watermark and used for the e-mail's language.
    recipient_email = models.EmailField(_("recipient e-mail"), max_length=254, blank=True)
    recipient_organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    recipient_language = models.CharField(_("recipient language"), max_length=16, blank=True)
    # Controls, all changeable after sending. The window is [not_before, expires_at), shown in
    # the recipient's time zone (an IANA name; blank means the site's).
    not_before = models.DateTimeField(_("not before"), null=True, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    max_plays = models.PositiveIntegerField(_("maximum plays"), null=True, blank=True)
    play_count = models.PositiveIntegerField(_("plays"), default=0, db_default=0)
    delivery = models.CharField(
        _("delivery"),
        max_length=16,
        choices=Delivery.choices,
        default=Delivery.STREAM,
        db_default=Delivery.STREAM,
    )
    watermark = models.CharField(
        _("watermark"),
        max_length=16,
        choices=Watermark.choices,
        default=Watermark.OVERLAY,
        db_default=Watermark.OVERLAY,
    )
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="links",
        verbose_name=_("campaign"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("screener link")
        verbose_name_plural = _("screener links")

    def __str__(self) -> str:
        return f"{self.film_id} → {self.recipient}"

    @property
    def has_password(self) -> bool:
        return bool(self.password_hash)

    def is_valid_at(self, moment: datetime) -> bool:
        """Neither revoked nor expired at ``moment``, and its window has begun."""
        if self.revoked_at is not None:
            return False
        if self.not_before is not None and self.not_before > moment:
            return False
        return self.expires_at is None or self.expires_at > moment

    @property
    def allows_download(self) -> bool:
        return self.delivery == Delivery.DOWNLOAD


class Invitation(TimeStampedModel):
    """An owner's invitation, sent by e-mail, to collaborate on a film with a role.

    Only the sha256 of the token is kept. Accepting creates (or upgrades) a ``Collaborator``.
    """

    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"), max_length=254)
    role = models.CharField(_("role"), max_length=16, choices=CollaboratorRole.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accepted_invitations",
    )
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.film_id} ({self.role})"

    def is_open_at(self, moment: datetime) -> bool:
        """Neither accepted, withdrawn nor expired at ``moment``."""
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > moment


class Device(models.TextChoices):
    """The coarse kind of device a screener was watched on (no User-Agent is kept)."""

    DESKTOP = "desktop", _("Desktop")
    PHONE = "phone", _("Phone")
    TABLET = "tablet", _("Tablet")


class ScreenerViewing(models.Model):
    """One viewing of one video through a screener link: one row per play in a browser tab,
    updated in place by the player's heartbeats (``sharing.reports``), never a row per beat.

    ``video_key`` is the media app's public id of the video (``sharing`` and ``media`` are peers
    and keep no foreign key between them); ``played_ranges`` is the merged list of
    ``[start, end]`` seconds of the video this viewing played.
    """

    link = models.ForeignKey(ScreenerLink, on_delete=models.CASCADE, related_name="viewings")
    video_key = models.CharField(max_length=36)
    viewing_key = models.CharField(max_length=32)
    device = models.CharField(max_length=16, choices=Device.choices, default=Device.DESKTOP)
    duration_seconds = models.FloatField(null=True, blank=True)
    furthest_seconds = models.FloatField(default=0)
    watched_seconds = models.FloatField(default=0)
    played_ranges = models.JSONField(default=list, blank=True)
    beat_count = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField()
    last_beat_at = models.DateTimeField()

    class Meta:
        ordering = ["-last_beat_at", "-id"]
        verbose_name = _("screener viewing")
        verbose_name_plural = _("screener viewings")
        constraints = [
            models.UniqueConstraint(
                fields=["link", "viewing_key"], name="sharing_viewing_once_per_key"
            )
        ]
        indexes = [models.Index(fields=["link", "-last_beat_at"], name="sharing_viewing_latest")]

    def __str__(self) -> str:
        return f"{self.link_id}: {self.video_key} ({self.viewing_key})"
