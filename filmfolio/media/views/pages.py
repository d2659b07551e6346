"""The film's media page and the actions of the studio's media section (``media/studio.py``
renders the section itself); each action goes back to the section."""

from __future__ import annotations

from typing import TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_POST

from filmfolio.core.errors import DomainError, PermissionDeniedError
from filmfolio.films import access
from filmfolio.films.access import ViewerRequest
from filmfolio.films.models import Film

from .. import services
from ..forms import ImageUploadForm, OrderForm
from ..models import Image, Video
from ..policy import can_manage_media
from .tus import video_status_payload

M = TypeVar("M", Image, Video)


def _film(request: ViewerRequest, slug: str, *, manage: bool = False):
    film = Film.objects.filter(slug=slug).first()
    viewer = request.viewer
    if film is None or not access.can_view_film(viewer, film):
        raise Http404
    if manage and not can_manage_media(viewer, film=film):
        raise Http404
    return film


@require_GET
def film_media_page(request: ViewerRequest, slug: str) -> HttpResponse:
    """The film's poster, albums and videos, as the film page's media slot shows them."""
    film = _film(request, slug)
    viewer = request.viewer
    context = {"film": film, "viewer": viewer, "access": access.film_access(viewer, film)}
    return render(request, "media/film_media_page.html", context)


def wants_json(request: HttpRequest) -> bool:
    """Asked by the manager's script (``Accept: application/json``) rather than by a form."""
    return request.headers.get("Accept", "").startswith("application/json")


def run_action(request: ViewerRequest, slug: str, action, answer=None) -> HttpResponse:
    """Run a service call; report its refusal as a message (or JSON to the manager's script);
    go back to the studio's media section (or answer ``answer(result)`` as JSON)."""
    try:
        result = action()
    except PermissionDeniedError as exc:
        raise Http404 from exc
    except DomainError as exc:
        if wants_json(request):
            return JsonResponse({"error": exc.message}, status=400)
        messages.error(request, exc.message)
        return redirect("studio:media", slug=slug)
    if wants_json(request):
        return JsonResponse(answer(result) if answer else {"ok": True})
    return redirect("studio:media", slug=slug)


def _form_refusal(request: HttpRequest, slug: str, form) -> HttpResponse:
    text = " ".join(" ".join(str(e) for e in errors) for errors in form.errors.values())
    if wants_json(request):
        return JsonResponse({"error": text}, status=400)
    messages.error(request, text)
    return redirect("studio:media", slug=slug)


@login_required
@require_POST
def image_upload(request: ViewerRequest, slug: str) -> HttpResponse:
    film = _film(request, slug, manage=True)
    form = ImageUploadForm(request.POST, request.FILES, film=film)
    if not form.is_valid():
        return _form_refusal(request, slug, form)
    data = form.cleaned_data
    return run_action(
        request,
        slug,
        lambda: services.image_upload(
            film=film,
            actor=request.user,
            data=data["file"].read(),
            details=services.ImageDetails(
                album=data["album"],
                caption=data["caption"],
                photographer=data["photographer"],
                is_poster=data["is_poster"],
            ),
        ),
        lambda image: image_payload(request, image),
    )


def image_payload(request: HttpRequest, image: Image) -> dict:
    """The new image as the manager shows it: a still's list item, or the poster's figure."""
    image = Image.objects.prefetch_related("renditions").select_related("film").get(pk=image.pk)
    context = {"image": image, "film": image.film, "albums": image.film.albums.all()}
    name = "media/_poster.html" if image.is_poster else "media/_still.html"
    return {
        "id": str(image.public_id),
        "poster": image.is_poster,
        "html": render_to_string(name, {**context, "poster": image}, request=request),
    }


@login_required
@require_POST
def album_create(request: ViewerRequest, slug: str) -> HttpResponse:
    film = _film(request, slug, manage=True)
    title = request.POST.get("title", "")
    return run_action(
        request, slug, lambda: services.album_create(film=film, actor=request.user, title=title)
    )


@login_required
@require_POST
def images_reorder(request: ViewerRequest, slug: str) -> HttpResponse:
    film = _film(request, slug, manage=True)
    form = OrderForm(request.POST)
    ids = form.ids() if form.is_valid() else []
    return run_action(
        request, slug, lambda: services.images_reorder(film=film, actor=request.user, image_ids=ids)
    )


def managed(model: type[M], request: ViewerRequest, public_id) -> M:
    """The image or video with ``public_id`` if the viewer may manage its film's media; 404
    otherwise (never revealing that it exists)."""
    item = model.objects.select_related("film").filter(public_id=public_id).first()
    if item is None or not can_manage_media(request.viewer, film=item.film):
        raise Http404
    return item


def _image(request: ViewerRequest, public_id) -> Image:
    return managed(Image, request, public_id)


@login_required
@require_POST
def image_set_poster(request: ViewerRequest, public_id) -> HttpResponse:
    image = _image(request, public_id)
    return run_action(
        request, image.film.slug, lambda: services.image_set_poster(image=image, actor=request.user)
    )


@login_required
@require_POST
def image_edit(request: ViewerRequest, public_id) -> HttpResponse:
    """Change an image's caption, photographer credit and album."""
    image = _image(request, public_id)
    album_id = request.POST.get("album", "")
    albums = image.film.albums  # type: ignore[attr-defined]
    album = albums.filter(pk=int(album_id)).first() if album_id.isdigit() else None
    return run_action(
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
def image_delete(request: ViewerRequest, public_id) -> HttpResponse:
    image = _image(request, public_id)
    return run_action(
        request, image.film.slug, lambda: services.image_delete(image=image, actor=request.user)
    )


def _video(request: ViewerRequest, public_id) -> Video:
    return managed(Video, request, public_id)


@login_required
@require_POST
def video_retry(request: ViewerRequest, public_id) -> HttpResponse:
    video = _video(request, public_id)
    return run_action(
        request, video.film.slug, lambda: services.video_retry(video=video, actor=request.user)
    )


@login_required
@require_POST
def video_edit(request: ViewerRequest, public_id) -> HttpResponse:
    """Change a video's title, kind and visibility."""
    video = _video(request, public_id)
    return run_action(
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


def _download_choice(request: ViewerRequest) -> bool | None:
    """The download checkbox (only the owner's form carries it): None leaves it as it is."""
    if "download_choice" not in request.POST:
        return None
    return request.POST.get("allow_download") == "on"


@login_required
@require_POST
def video_delete(request: ViewerRequest, public_id) -> HttpResponse:
    video = _video(request, public_id)
    return run_action(
        request, video.film.slug, lambda: services.video_delete(video=video, actor=request.user)
    )


@login_required
@require_GET
def video_status(request: ViewerRequest, public_id) -> HttpResponse:
    """The transcode state and progress of a video (polled by the studio's media section)."""
    return JsonResponse(video_status_payload(_video(request, public_id)))
