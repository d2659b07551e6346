"""Consistency of media files and records: files without records, records without files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import storage
from ..choices import UploadState
from ..conf import work_dir
from ..models import Encoding, Image, ImageRendition, Upload, Video


@dataclass
class MediaReport:
    """What ``filmfolio media-check`` prints."""

    orphan_files: list[str] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)
    orphan_staging: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.orphan_files or self.missing_files or self.orphan_staging)


def recorded_names() -> set[str]:
    """Every file name a media record points to."""
    names: set[str] = set(Image.objects.values_list("original_file", flat=True))
    names |= set(ImageRendition.objects.values_list("file", flat=True))
    for row in Video.objects.values_list("original_file", "poster_file", "master_playlist_file"):
        names |= {name for name in row if name}
    for playlist, files in Encoding.objects.values_list("playlist_file", "files"):
        names |= {playlist, *files}
    return names


def media_check(*, delete_orphans: bool = False) -> MediaReport:
    """Compare storage with the records; optionally delete files no record points to."""
    stored = set(storage.walk(storage.ROOT))
    recorded = recorded_names()
    report = MediaReport(sorted(stored - recorded), sorted(recorded - stored), _orphan_staging())
    if delete_orphans:
        for name in report.orphan_files:
            storage.media_storage().delete(name)
        for path in report.orphan_staging:
            Path(path).unlink(missing_ok=True)
    return report


def _orphan_staging() -> list[str]:
    """Staging files of uploads that are no longer receiving (or no longer exist)."""
    receiving = {
        f"{pk}.part"
        for pk in Upload.objects.filter(state=UploadState.RECEIVING).values_list("pk", flat=True)
    }
    folder = work_dir("uploads")
    return sorted(str(p) for p in folder.glob("*.part") if p.name not in receiving)
