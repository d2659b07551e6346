"""Enumerations of the media app: kinds, per-video visibility and the states of uploads and jobs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VideoKind(models.TextChoices):
    TRAILER = "trailer", _("Trailer")
    TEASER = "teaser", _("Teaser")
    EXCERPT = "excerpt", _("Excerpt")
    SCREENER = "screener", _("Full film / screener")


class VideoVisibility(models.TextChoices):
    """Who may watch one video, on top of who may open the film (see ``media.policy``)."""

    FILM = "film", _("Everyone who can open the film")
    SCREENER = "screener", _("Team and screener links only")
    TEAM = "team", _("Team only")


class UploadState(models.TextChoices):
    RECEIVING = "receiving", _("Receiving")
    CHECKING = "checking", _("Checking the file")
    COMPLETE = "complete", _("Complete")
    REJECTED = "rejected", _("Rejected")


class VideoState(models.TextChoices):
    QUEUED = "queued", _("Waiting for transcoding")
    TRANSCODING = "transcoding", _("Transcoding")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class AttemptStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed")
    ABANDONED = "abandoned", _("Abandoned (worker stopped)")


class FrameState(models.TextChoices):
    """The steps of taking a poster from a frame of a video."""

    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Taking the frame")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class SubtitleKind(models.TextChoices):
    """What a subtitle track is for (the HLS rendition's ``FORCED`` and characteristics)."""

    SUBTITLES = "subtitles", _("Subtitles")
    CAPTIONS = "captions", _("Captions for the deaf and hard of hearing")
    FORCED = "forced", _("Forced (foreign dialogue and signs only)")


class BurnState(models.TextChoices):
    """The steps of making a burned copy (watermark and/or subtitles in the picture)."""

    QUEUED = "queued", _("Waiting to be prepared")
    RUNNING = "running", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")
