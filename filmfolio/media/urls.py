"""URLs of the media app; include under ``media/`` (protected files are served here only)."""

from django.urls import path
from django.views.generic import RedirectView

from .views import files, frames, pages, signed, subtitles, tus

app_name = "media"
urlpatterns = [
    path("videos/<uuid:public_id>/hls/tokens", files.video_token_refresh, name="video-tokens"),
    path("videos/<uuid:public_id>/<path:path>", files.video_file, name="video-file"),
    # Signed HLS files; media.middleware.SignedMediaMiddleware answers them before sessions.
    path("s/<uuid:public_id>/<str:token>/<path:rendition>", signed.signed_file, name="signed-file"),
    path("images/<uuid:public_id>/<str:variant>", files.image_file, name="image-file"),
    path("uploads/", tus.upload_collection, name="uploads"),
    path("uploads/<uuid:upload_id>", tus.upload_resource, name="upload"),
    path("uploads/<uuid:upload_id>/status", tus.upload_status, name="upload-status"),
    path("films/<slug:slug>/", pages.film_media_page, name="film"),
    # The media manager moved to the studio's media section.
    path(
        "films/<slug:slug>/manage/",
        RedirectView.as_view(pattern_name="studio:media", permanent=True),
        name="manage",
    ),
    path("films/<slug:slug>/manage/images/", pages.image_upload, name="image-upload"),
    path("films/<slug:slug>/manage/albums/", pages.album_create, name="album-create"),
    path("films/<slug:slug>/manage/order/", pages.images_reorder, name="images-reorder"),
    path("manage/images/<uuid:public_id>/poster/", pages.image_set_poster, name="image-poster"),
    path("manage/images/<uuid:public_id>/edit/", pages.image_edit, name="image-edit"),
    path("manage/images/<uuid:public_id>/delete/", pages.image_delete, name="image-delete"),
    path("manage/videos/<uuid:public_id>/retry/", pages.video_retry, name="video-retry"),
    path("manage/videos/<uuid:public_id>/edit/", pages.video_edit, name="video-edit"),
    path("manage/videos/<uuid:public_id>/delete/", pages.video_delete, name="video-delete"),
    path("manage/videos/<uuid:public_id>/status", pages.video_status, name="video-status"),
    path("manage/videos/<uuid:public_id>/frame/", frames.poster_frame_create, name="poster-frame"),
    path(
        "manage/videos/<uuid:public_id>/subtitles/",
        subtitles.subtitles_page,
        name="subtitles",
    ),
    path(
        "manage/subtitles/<uuid:public_id>/convert/",
        subtitles.subtitle_convert,
        name="subtitle-convert",
    ),
    path(
        "manage/subtitles/<uuid:public_id>/delete/",
        subtitles.subtitle_delete,
        name="subtitle-delete",
    ),
    path(
        "manage/subtitles/<uuid:public_id>/download.vtt",
        subtitles.subtitle_download,
        {"extension": "vtt"},
        name="subtitle-vtt",
    ),
    path(
        "manage/subtitles/<uuid:public_id>/download.srt",
        subtitles.subtitle_download,
        {"extension": "srt"},
        name="subtitle-srt",
    ),
    path(
        "manage/frames/<uuid:frame_id>/status",
        frames.poster_frame_status,
        name="poster-frame-status",
    ),
]
