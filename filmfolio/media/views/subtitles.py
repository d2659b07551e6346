"""The subtitle tracks of one video, for those who manage the film's media: upload a file,
preview its first cues (and pick another encoding), save it; make the other Chinese script's
version; delete; download as WebVTT or SubRip. Everyone else gets 404."""

from __future__ import annotations

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from filmfolio.core.errors import DomainError, PermissionDeniedError
from filmfolio.films.access import ViewerRequest
from filmfolio.films.choices import LanguageRole

from .. import services
from .. import subtitles as subs
from ..forms import SubtitleUploadForm
from ..models import SubtitleTrack, Video
from ..policy import can_manage_media
from ..serving import protected_text_response
from .pages import managed

PREVIEW_CUES = 5


def _track(request: ViewerRequest, public_id) -> SubtitleTrack:
    track = SubtitleTrack.objects.select_related("video__film").filter(public_id=public_id).first()
    if track is None or not can_manage_media(request.viewer, film=track.video.film):
        raise Http404
    return track


def _declared(video: Video, tracks: list[SubtitleTrack]) -> list[tuple[object, bool]]:
    """The film's declared subtitle languages, each with whether this video has a track."""
    languages = {t.language for t in tracks}
    declared = video.film.languages.filter(role=LanguageRole.SUBTITLE)  # type: ignore[attr-defined]
    return [(row, row.language in languages) for row in declared]


def _page(request: ViewerRequest, video: Video, form, preview=None) -> HttpResponse:
    tracks = list(video.subtitle_tracks.all())
    context = {
        "declared": _declared(video, tracks),
        "film": video.film,
        "video": video,
        "tracks": tracks,
        "form": form,
        "preview": preview,
        "preview_cues": preview.cues[:PREVIEW_CUES] if preview else [],
        "convertible": {t.pk for t in tracks if subs.chinese_counterpart(t.language)},
    }
    return render(request, "media/subtitles.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def subtitles_page(request: ViewerRequest, public_id) -> HttpResponse:
    """The video's tracks and the upload form; a POST previews the file (``confirm`` absent)
    or saves it as a track."""
    video = managed(Video, request, public_id)
    if request.method == "GET":
        return _page(request, video, SubtitleUploadForm())
    form = SubtitleUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, video, form)
    data, filename = form.payload()
    encoding = form.cleaned_data["encoding"]
    try:
        if "confirm" not in request.POST:
            reading = services.subtitle_read(data=data, encoding=encoding)
            bound = SubtitleUploadForm(
                initial={
                    **form.cleaned_data,
                    "file": None,
                    "content": base64.b64encode(data).decode(),
                    "filename": filename,
                    "encoding": reading.encoding,
                }
            )
            return _page(request, video, bound, preview=reading)
        details = services.SubtitleDetails(
            language=form.cleaned_data["language"],
            kind=form.cleaned_data["kind"],
            label=form.cleaned_data["label"],
            filename=filename,
            declare_language=form.cleaned_data["declare_language"],
        )
        track = services.subtitle_track_add(
            video=video, actor=request.user, data=data, details=details, encoding=encoding
        )
    except PermissionDeniedError as exc:
        raise Http404 from exc
    except DomainError as exc:
        form.add_error(None, exc.message)
        return _page(request, video, form)
    messages.success(request, _("Subtitles “%(label)s” saved.") % {"label": track.label})
    return redirect("media:subtitles", public_id=video.public_id)


def _act(request: ViewerRequest, track: SubtitleTrack, action) -> HttpResponse:
    public_id = track.video.public_id
    try:
        action()
    except PermissionDeniedError as exc:
        raise Http404 from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("media:subtitles", public_id=public_id)


@login_required
@require_POST
def subtitle_convert(request: ViewerRequest, public_id) -> HttpResponse:
    """Make the track's Simplified or Traditional Chinese version."""
    track = _track(request, public_id)
    return _act(
        request, track, lambda: services.subtitle_track_convert(track=track, actor=request.user)
    )


@login_required
@require_POST
def subtitle_delete(request: ViewerRequest, public_id) -> HttpResponse:
    track = _track(request, public_id)
    return _act(
        request, track, lambda: services.subtitle_track_delete(track=track, actor=request.user)
    )


@require_GET
def subtitle_download(request: ViewerRequest, public_id, extension: str) -> HttpResponseBase:
    """The track as a WebVTT or SubRip file, for those who manage the film only."""
    track = _track(request, public_id)
    film = track.video.film
    name = f"{film.slug}-{track.language}-{track.kind}.{extension}"
    if extension == "srt":
        body, kind = subs.to_srt(subs.cues_from_vtt(track.vtt)), "application/x-subrip"
    else:
        body, kind = track.vtt, "text/vtt"
    return protected_text_response(
        request, body, content_type=f"{kind}; charset=utf-8", download_name=name
    )
