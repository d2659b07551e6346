"""Admin views of media records (read-mostly: files are changed through the services)."""

from django.contrib import admin

from .models import Album, EncodeProfile, Encoding, Image, TranscodeAttempt, Upload, Video


@admin.register(EncodeProfile)
class EncodeProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "height", "video_bitrate_kbps", "audio_bitrate_kbps", "is_active"]


@admin.register(Album)
class AlbumAdmin(admin.ModelAdmin):
    list_display = ["title", "film", "position"]
    raw_id_fields = ["film"]


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["public_id", "film", "album", "caption", "is_poster", "width", "height"]
    raw_id_fields = ["film", "album", "uploaded_by"]


class EncodingInline(admin.TabularInline):
    model = Encoding
    fields = ("profile", "width", "height", "bandwidth_bps", "size_bytes")
    readonly_fields = fields
    extra = 0


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


@admin.register(Video)
class VideoAdmin(admin.ModelAdmin):
    list_display = ["public_id", "film", "kind", "visibility", "state", "progress_percent"]
    list_filter = ["state", "kind", "visibility"]
    raw_id_fields = ["film", "uploaded_by"]
    inlines = [EncodingInline, AttemptInline]


@admin.register(Upload)
class UploadAdmin(admin.ModelAdmin):
    list_display = ["id", "film", "owner", "state", "offset_bytes", "length_bytes"]
    list_filter = ["state"]
    raw_id_fields = ["film", "owner", "video"]
