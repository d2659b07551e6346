"""Media of a film: poster and stills in albums, videos with their HLS renditions, uploads and
transcode attempts.

Files live in Django's storage under names the server chooses (see ``media.storage``); models keep
those names, never the uploader's file name.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from filmfolio.core.models import TimeStampedModel

from .choices import (
    AttemptStatus,
    FrameState,
    SubtitleKind,
    UploadState,
    VideoKind,
    VideoState,
    VideoVisibility,
)


class Album(TimeStampedModel):
    """A named group of stills of one film ("Shooting album", "Behind the scenes")."""

    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="albums")
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("album")
        verbose_name_plural = _("albums")

    def __str__(self) -> str:
        return self.title


class Image(TimeStampedModel):
    """A poster or still: the original as uploaded plus WebP renditions without metadata."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="images")
    album = models.ForeignKey(
        Album, on_delete=models.SET_NULL, null=True, blank=True, related_name="images"
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    photographer = models.CharField(_("photographer"), max_length=200, blank=True)
    is_poster = models.BooleanField(_("poster"), default=False)
    position = models.PositiveIntegerField(_("position"), default=0)
    original_file = models.CharField(max_length=300, editable=False)
    original_format = models.CharField(max_length=16, editable=False)
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    size_bytes = models.PositiveBigIntegerField(editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="uploaded_images",
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        constraints = [
            models.UniqueConstraint(
                fields=["film"], condition=models.Q(is_poster=True), name="one_poster_per_film"
            )
        ]

    def __str__(self) -> str:
        return self.caption or str(self.public_id)

    @property
    def aspect_ratio(self) -> float:
        return self.width / self.height if self.height else 1.0


class ImageRendition(models.Model):
    """One published WebP size of an image, stripped of EXIF and other metadata."""

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    file = models.CharField(max_length=300)
    size_bytes = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["width"]
        constraints = [
            models.UniqueConstraint(fields=["image", "width"], name="unique_image_rendition")
        ]

    def __str__(self) -> str:
        return f"{self.image_id} w{self.width}"


DEFAULT_LADDER = [
    ("1080p", 1080, 5000, 128),
    ("720p", 720, 2800, 128),
    ("480p", 480, 1400, 96),
    ("360p", 360, 800, 96),
]


class EncodeProfile(models.Model):
    """One rung of the HLS ladder (H.264/AAC); rungs above the source height are skipped."""

    name = models.CharField(max_length=32, unique=True)
    height = models.PositiveIntegerField(unique=True)
    video_bitrate_kbps = models.PositiveIntegerField()
    audio_bitrate_kbps = models.PositiveIntegerField()
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["-height"]

    def __str__(self) -> str:
        return self.name


class Video(TimeStampedModel):
    """A trailer, teaser, excerpt or screener of a film, with its probed specs and job state."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="videos")
    kind = models.CharField(_("kind"), max_length=16, choices=VideoKind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    visibility = models.CharField(
        _("visibility"),
        max_length=16,
        choices=VideoVisibility.choices,
        default=VideoVisibility.TEAM,
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    original_file = models.CharField(max_length=300, editable=False)
    size_bytes = models.PositiveBigIntegerField(editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    container = models.CharField(max_length=64, blank=True, editable=False)
    duration_seconds = models.FloatField(null=True, blank=True, editable=False)
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    video_codec = models.CharField(max_length=32, blank=True, editable=False)
    audio_codec = models.CharField(max_length=32, blank=True, editable=False)
    frame_rate = models.FloatField(null=True, blank=True, editable=False)
    probe = models.JSONField(default=dict, blank=True, editable=False)
    state = models.CharField(
        max_length=16, choices=VideoState.choices, default=VideoState.QUEUED, db_index=True
    )
    progress_percent = models.PositiveSmallIntegerField(default=0)
    failure_reason = models.TextField(blank=True)
    attempt_count = models.PositiveSmallIntegerField(
        default=0, help_text="Attempts used since the last upload or retry (bounded)."
    )
    current_attempt = models.PositiveSmallIntegerField(
        default=0, help_text="Number of the attempt holding the lease."
    )
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    poster_file = models.CharField(max_length=300, blank=True, editable=False)
    master_playlist_file = models.CharField(max_length=300, blank=True, editable=False)
    allow_download = models.BooleanField(
        _("viewers may download it"),
        default=False,
        help_text=_("Viewers get a copy without the camera's metadata; the owner decides."),
    )
    download_file = models.CharField(
        max_length=300,
        blank=True,
        editable=False,
        help_text="The copy without metadata served as the download (made when allowed).",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="uploaded_videos",
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def __str__(self) -> str:
        return self.title or self.get_kind_display()

    @property
    def is_ready(self) -> bool:
        return self.state == VideoState.READY


class Encoding(models.Model):
    """The rendition of one video at one profile: its variant playlist and segment files.

    Rows are written only when a transcode attempt has finished and uploaded every file, in one
    transaction, so a video has at most one set of encodings.
    """

    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="encodings")
    profile = models.ForeignKey(EncodeProfile, on_delete=models.PROTECT, related_name="+")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    bandwidth_bps = models.PositiveIntegerField()
    playlist_file = models.CharField(max_length=300)
    files = models.JSONField(default=list)
    size_bytes = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["-height"]
        constraints = [
            models.UniqueConstraint(fields=["video", "profile"], name="unique_video_encoding")
        ]

    def __str__(self) -> str:
        return f"{self.video_id} {self.height}p"


class TranscodeAttempt(models.Model):
    """One run of the transcode job for a video: who ran it, how far it got, how it ended."""

    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=16, choices=AttemptStatus.choices, default=AttemptStatus.RUNNING
    )
    worker = models.CharField(max_length=200, blank=True)
    progress_percent = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    started_at = models.DateTimeField()
    heartbeat_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["video", "number"]
        constraints = [
            models.UniqueConstraint(fields=["video", "number"], name="unique_attempt_number")
        ]

    def __str__(self) -> str:
        return f"{self.video_id} #{self.number} {self.status}"


class Upload(TimeStampedModel):
    """A resumable (tus 1.0) video upload: bytes go to a staging file named after ``id``.

    It becomes a ``Video`` only when every byte is on disk, the checksum matches and the file
    probes as a video; otherwise it is rejected with ``rejection_reason``.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="media_uploads"
    )
    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="uploads")
    kind = models.CharField(max_length=16, choices=VideoKind.choices)
    visibility = models.CharField(max_length=16, choices=VideoVisibility.choices)
    title = models.CharField(max_length=200, blank=True)
    client_filename = models.CharField(max_length=255, blank=True)
    length_bytes = models.PositiveBigIntegerField()
    offset_bytes = models.PositiveBigIntegerField(default=0)
    sha256_expected = models.CharField(max_length=64, blank=True)
    state = models.CharField(
        max_length=16, choices=UploadState.choices, default=UploadState.RECEIVING
    )
    rejection_reason = models.TextField(blank=True)
    video = models.OneToOneField(
        Video, on_delete=models.SET_NULL, null=True, blank=True, related_name="upload"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.id} {self.offset_bytes}/{self.length_bytes}"


class PosterFrame(TimeStampedModel):
    """A request to make the film's poster from one frame of a video, taken by a background job.

    The job (``tasks.poster_frame_task``) extracts the frame from the video's original with
    ffmpeg and stores it through ``image_upload`` as the poster; ``image`` is that poster.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="poster_frames")
    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="poster_frames")
    at_seconds = models.FloatField(_("time in the video"))
    state = models.CharField(max_length=16, choices=FrameState.choices, default=FrameState.QUEUED)
    progress_percent = models.PositiveSmallIntegerField(default=0)
    failure_reason = models.TextField(blank=True)
    image = models.ForeignKey(
        Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("poster frame")
        verbose_name_plural = _("poster frames")

    def __str__(self) -> str:
        return f"{self.video_id} @ {self.at_seconds:.2f} s"


class SubtitleTrack(TimeStampedModel):
    """A subtitle or caption track of a video, stored as UTF-8 WebVTT.

    Served as a WebVTT rendition of the video's HLS master playlist under the video's own access
    rules; ``original_name`` and ``original_format`` say what was uploaded (``derived_from``:
    the track a Simplified/Traditional version was made from).
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="subtitle_tracks")
    language = models.CharField(_("language (BCP 47)"), max_length=35)
    kind = models.CharField(
        _("kind"), max_length=16, choices=SubtitleKind.choices, default=SubtitleKind.SUBTITLES
    )
    label = models.CharField(_("label"), max_length=100)
    vtt = models.TextField(editable=False)
    cue_count = models.PositiveIntegerField(default=0, editable=False)
    original_name = models.CharField(max_length=255, blank=True, editable=False)
    original_format = models.CharField(max_length=16, blank=True, editable=False)
    original_encoding = models.CharField(max_length=32, blank=True, editable=False)
    derived_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("subtitle track")
        verbose_name_plural = _("subtitle tracks")
        constraints = [
            models.UniqueConstraint(
                fields=["video", "language", "kind"], name="unique_subtitle_track"
            )
        ]

    def __str__(self) -> str:
        return self.label


from .burned_models import BurnedCopy  # noqa: E402  (kept in its own module, registered here)

__all__ = [
    "DEFAULT_LADDER",
    "Album",
    "BurnedCopy",
    "EncodeProfile",
    "Encoding",
    "Image",
    "ImageRendition",
    "PosterFrame",
    "SubtitleTrack",
    "TranscodeAttempt",
    "Upload",
    "Video",
]
