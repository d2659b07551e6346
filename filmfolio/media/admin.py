"""Admin views of media records: files and their records change only through the media services.

Images and videos are uploaded on the site; here an administrator may change what the services
change (an image's caption, photographer and album; a video's title, kind and who may watch it)
and delete through them, which keeps the film's page, search document and files in step.
Everything else is shown read-only.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from . import services
from .models import Album, EncodeProfile, Encoding, Image, TranscodeAttempt, Upload, Video


@admin.register(EncodeProfile)
class EncodeProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "height", "video_bitrate_kbps", "audio_bitrate_kbps", "is_active"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Lists and shows records; no add, change or delete here."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ServiceWritesAdmin(admin.ModelAdmin):
    """Changes the ``editable`` fields through a service; deletes through one; never adds."""

    editable: tuple[str, ...] = ()

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        names = [f.name for f in self.model._meta.concrete_fields]
        return [name for name in names if name not in self.editable]

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(Album)
class AlbumAdmin(ReadOnlyAdmin):
    list_display = ["title", "film", "position"]


@admin.register(Image)
class ImageAdmin(ServiceWritesAdmin):
    list_display = ["public_id", "film", "album", "caption", "is_poster", "width", "height"]
    editable = ("caption", "photographer", "album")

    def save_model(self, request: HttpRequest, obj: Image, form: Any, change: bool) -> None:
        services.image_update(
            image=obj,
            actor=request.user,
            caption=obj.caption,
            photographer=obj.photographer,
            album=obj.album,
        )

    def delete_model(self, request: HttpRequest, obj: Image) -> None:
        services.image_delete(image=obj, actor=request.user)


class EncodingInline(admin.TabularInline):
    model = Encoding
    fields = ("profile", "width", "height", "bandwidth_bps", "size_bytes")
    readonly_fields = fields
    extra = 0
    can_delete = False


class AttemptInline(admin.TabularInline):
    model = TranscodeAttempt
    fields = (
        "number",
        "status",
        "worker",
        "progress_percent",
        "started_at",
        "finished_at",
        "error",
    )
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Video)
class VideoAdmin(ServiceWritesAdmin):
    list_display = ["public_id", "film", "kind", "visibility", "state", "progress_percent"]
    list_filter = ["state", "kind", "visibility"]
    inlines = [EncodingInline, AttemptInline]
    editable = ("title", "kind", "visibility")

    def save_model(self, request: HttpRequest, obj: Video, form: Any, change: bool) -> None:
        services.video_update(
            video=obj, actor=request.user, title=obj.title, kind=obj.kind, visibility=obj.visibility
        )

    def delete_model(self, request: HttpRequest, obj: Video) -> None:
        services.video_delete(video=obj, actor=request.user)


@admin.register(Upload)
class UploadAdmin(ReadOnlyAdmin):
    """Unfinished uploads are cancelled by their owner or expire (``uploads_expire``)."""

    list_display = ["id", "film", "owner", "state", "offset_bytes", "length_bytes"]
    list_filter = ["state"]
