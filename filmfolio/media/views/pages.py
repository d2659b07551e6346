"""The film's media page and the actions of the studio's media section (``media/studio.py``
renders the section itself); each action goes back to the section."""

from __future__ import annotations

from typing import TypeVar

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from filmfolio.core.errors import DomainError, PermissionDeniedError
from filmfolio.sharing import access

from .. import services
from ..forms import ImageUploadForm, OrderForm
from ..models import Image, Video
from ..policy import can_manage_media
from .tus import video_status_payload

M = TypeVar("M", Image, Video)


def _film(request: HttpRequest, slug: str, *, manage: bool = False):
    film = apps.get_model("films", "Film").objects.filter(slug=slug).first()
    viewer = access.viewer_for(request)
    if film is None or not access.can_view_film(viewer, film):
        raise Http404
    if manage and not can_manage_media(viewer, film=film):
        raise Http404
    return film


@require_GET
def film_media_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The film's poster, albums and videos, as the film page's media slot shows them."""
    film = _film(request, slug)
    viewer = access.viewer_for(request)
    context = {"film": film, "viewer": viewer, "access": access.film_access(viewer, film)}
    return render(request, "media/film_media_page.html", context)


def _run(request: HttpRequest, slug: str, action) -> HttpResponse:
    """Run a service call; report its refusal as a message; back to the studio's media."""
    try:
        action()
    except PermissionDeniedError as exc:
        raise Http404 from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("studio:media", slug=slug)


@login_required
@require_POST
def image_upload(request: HttpRequest, slug: str) -> HttpResponse:
    film = _film(request, slug, manage=True)
    form = ImageUploadForm(request.POST, request.FILES, film=film)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect("studio:media", slug=slug)
    data = form.cleaned_data
    return _run(
        request,
        slug,
        lambda: services.image_upload(
            film=film,
            actor=request.user,
            data=data["file"].read(),
            album=data["album"],
            caption=data["caption"],
            photographer=data["photographer"],
            is_poster=data["is_poster"],
        ),
    )


@login_required
@require_POST
def album_create(request: HttpRequest, slug: str) -> HttpResponse:
    film = _film(request, slug, manage=True)
    title = request.POST.get("title", "")
    return _run(
        request, slug, lambda: services.album_create(film=film, actor=request.user, title=title)
    )


@login_required
@require_POST
def images_reorder(request: HttpRequest, slug: str) -> HttpResponse:
    film = _film(request, slug, manage=True)
    form = OrderForm(request.POST)
    ids = form.ids() if form.is_valid() else []
    return _run(
        request, slug, lambda: services.images_reorder(film=film, actor=request.user, image_ids=ids)
    )


def _managed(model: type[M], request: HttpRequest, public_id) -> M:
    """The image or video with ``public_id`` if the viewer may manage its film's media; 404
    otherwise (never revealing that it exists)."""
    item = model.objects.select_related("film").filter(public_id=public_id).first()
    if item is None or not can_manage_media(access.viewer_for(request), film=item.film):
        raise Http404
    return item


def _image(request: HttpRequest, public_id) -> Image:
    return _managed(Image, request, public_id)


@login_required
@require_POST
def image_set_poster(request: HttpRequest, public_id) -> HttpResponse:
    image = _image(request, public_id)
    return _run(
        request, image.film.slug, lambda: services.image_set_poster(image=image, actor=request.user)
    )


@login_required
@require_POST
def image_edit(request: HttpRequest, public_id) -> HttpResponse:
    """Change an image's caption, photographer credit and album."""
    image = _image(request, public_id)
    album_id = request.POST.get("album", "")
    albums = image.film.albums  # type: ignore[attr-defined]
    album = albums.filter(pk=int(album_id)).first() if album_id.isdigit() else None
    return _run(
        request,
        image.film.slug,
        lambda: services.image_update(
            image=image,
            actor=request.user,
            caption=request.POST.get("caption", "")[:500],
            photographer=request.POST.get("photographer", "")[:200],
            album=album,
        ),
    )


@login_required
@require_POST
def image_delete(request: HttpRequest, public_id) -> HttpResponse:
    image = _image(request, public_id)
    return _run(
        request, image.film.slug, lambda: services.image_delete(image=image, actor=request.user)
    )


def _video(request: HttpRequest, public_id) -> Video:
    return _managed(Video, request, public_id)


@login_required
@require_POST
def video_retry(request: HttpRequest, public_id) -> HttpResponse:
    video = _video(request, public_id)
    return _run(
        request, video.film.slug, lambda: services.video_retry(video=video, actor=request.user)
    )


@login_required
@require_POST
def video_edit(request: HttpRequest, public_id) -> HttpResponse:
    """Change a video's title, kind and visibility."""
    video = _video(request, public_id)
    return _run(
        request,
        video.film.slug,
        lambda: services.video_update(
            video=video,
            actor=request.user,
            title=request.POST.get("title", ""),
            kind=request.POST.get("kind", ""),
            visibility=request.POST.get("visibility", ""),
            allow_download=_download_choice(request),
        ),
    )


def _download_choice(request: HttpRequest) -> bool | None:
    """The download checkbox (only the owner's form carries it): None leaves it as it is."""
    if "download_choice" not in request.POST:
        return None
    return request.POST.get("allow_download") == "on"


@login_required
@require_POST
def video_delete(request: HttpRequest, public_id) -> HttpResponse:
    video = _video(request, public_id)
    return _run(
        request, video.film.slug, lambda: services.video_delete(video=video, actor=request.user)
    )


@login_required
@require_GET
def video_status(request: HttpRequest, public_id) -> HttpResponse:
    """The transcode state and progress of a video (polled by the manage page)."""
    return JsonResponse(video_status_payload(_video(request, public_id)))
