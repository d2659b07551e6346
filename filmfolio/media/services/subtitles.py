"""Services for a video's subtitle tracks: add one from an uploaded file, make the other Chinese
script's version, delete one.

Every function checks that the actor may change the film's media, validates before writing and
leaves a change record on the video (``core.audit``). An unreadable file changes nothing and
raises ``ValidationFailedError`` with the reason; the per-cue warnings never block saving.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from filmfolio.core import vocab
from filmfolio.core.audit import ChangeNote, record_change
from filmfolio.core.choices import AuditAction
from filmfolio.core.errors import ValidationFailedError
from filmfolio.films.choices import LanguageRole
from filmfolio.films.services import language_add

from .. import subtitles as subs
from ..choices import SubtitleKind
from ..conf import media_setting
from ..models import SubtitleTrack, Video
from .pages import film_page_touch
from .permissions import require_manage


def subtitle_limits() -> subs.Limits:
    """What a readable cue may hold, from the media settings."""
    return subs.Limits(
        line_chars=int(media_setting("SUBTITLE_LINE_CHARS")),
        lines=int(media_setting("SUBTITLE_LINES")),
        cps_latin=float(media_setting("SUBTITLE_CPS_LATIN")),
        cps_cjk=float(media_setting("SUBTITLE_CPS_CJK")),
    )


def subtitle_read(*, data: bytes, encoding: str = "") -> subs.Reading:
    """Decode, read and check an uploaded subtitle file (for the preview and for saving).

    Raises ``ValidationFailedError`` for an empty, oversized or unreadable file.
    """
    if not data:
        raise ValidationFailedError(_("The subtitle file is empty."))
    if len(data) > int(media_setting("SUBTITLE_MAX_BYTES")):
        raise ValidationFailedError(_("The subtitle file is too large."))
    try:
        return subs.read(data, encoding=encoding, limits=subtitle_limits())
    except subs.SubtitleUnreadableError as exc:
        raise ValidationFailedError(exc.message) from exc


@dataclass(frozen=True, kw_only=True)
class SubtitleDetails:
    """What the uploader says of a track: its language (BCP 47), kind and label (blank: the
    language's name), the file's name, and whether to declare the language on the film."""

    language: str
    kind: str = SubtitleKind.SUBTITLES
    label: str = ""
    filename: str = ""
    declare_language: bool = False


def _checked_language(tag: str) -> str:
    language = subs.normalise_language(tag)
    if language is None or not vocab.is_language_code(language):
        raise ValidationFailedError(
            _("Give the language as a BCP 47 tag, such as en, zh-Hans or zh-Hant."),
            errors={"language": [_("Not a language tag.")]},
        )
    return language


def subtitle_track_add(
    *, video: Video, actor: Any, data: bytes, details: SubtitleDetails, encoding: str = ""
) -> SubtitleTrack:
    """Read ``data`` (in ``encoding``, or the one found) and store it as a new track of
    ``video``; declare its language on the film when asked."""
    require_manage(actor=actor, film=video.film)
    language = _checked_language(details.language)
    if details.kind not in SubtitleKind.values:
        raise ValidationFailedError(_("Choose a kind of subtitles."))
    reading = subtitle_read(data=data, encoding=encoding)
    track = SubtitleTrack(
        video=video,
        language=language,
        kind=details.kind,
        label=details.label.strip()[:100] or _default_label(language, details.kind),
        original_name=details.filename[-255:],
        original_format=reading.format,
        original_encoding=reading.encoding,
        added_by=actor,
    )
    return _save(track, reading.cues, actor, declare=details.declare_language)


def subtitle_track_convert(*, track: SubtitleTrack, actor: Any) -> SubtitleTrack:
    """Make the Traditional version of a Simplified Chinese track (or the reverse) as a new
    track of the same video."""
    video = track.video
    require_manage(actor=actor, film=video.film)
    target = subs.chinese_counterpart(track.language)
    if target is None:
        raise ValidationFailedError(_("Only Chinese subtitles have another script to make."))
    cues = subs.convert_chinese(subs.cues_from_vtt(track.vtt), to=target)
    copy = SubtitleTrack(
        video=video,
        language=target,
        kind=track.kind,
        label=_default_label(target, track.kind),
        original_name=track.original_name,
        original_format=track.original_format,
        original_encoding=track.original_encoding,
        derived_from=track,
        added_by=actor,
    )
    return _save(copy, cues, actor, declare=False)


def _default_label(language: str, kind: str) -> str:
    name = vocab.language_name(language)
    if kind == SubtitleKind.CAPTIONS:
        return _("%(language)s (captions)") % {"language": name}
    if kind == SubtitleKind.FORCED:
        return _("%(language)s (forced)") % {"language": name}
    return name


def _save(track: SubtitleTrack, cues: list[subs.Cue], actor: Any, *, declare: bool):
    video = track.video
    track.vtt = subs.to_vtt(cues)
    track.cue_count = len(cues)
    try:
        with transaction.atomic():
            last = video.subtitle_tracks.aggregate(m=Max("position"))["m"]
            track.position = (last or 0) + 1
            track.save()
            note = ChangeNote(
                actor=actor,
                action=AuditAction.ADD,
                changes={"subtitles": {"old": None, "new": f"{track.language} ({track.kind})"}},
                summary=f"subtitles {track.language} {track.kind}",
            )
            record_change(target=video, note=note)
            if declare:
                _declare_language(video.film, actor, track.language)
            film_page_touch(video.film_id)
    except IntegrityError as exc:
        raise ValidationFailedError(
            _("This video already has a track of that language and kind. Delete it first.")
        ) from exc
    return track


def _declare_language(film: Any, actor: Any, language: str) -> None:
    if not film.languages.filter(language=language, role=LanguageRole.SUBTITLE).exists():
        language_add(film=film, actor=actor, language=language, role=LanguageRole.SUBTITLE)


def subtitle_track_delete(*, track: SubtitleTrack, actor: Any) -> None:
    """Delete a track (versions made from it stay)."""
    video = track.video
    require_manage(actor=actor, film=video.film)
    with transaction.atomic():
        note = ChangeNote(
            actor=actor,
            action=AuditAction.REMOVE,
            changes={"subtitles": {"old": f"{track.language} ({track.kind})", "new": None}},
            summary=f"subtitles {track.language} {track.kind}",
        )
        track.delete()
        record_change(target=video, note=note)
        film_page_touch(video.film_id)
