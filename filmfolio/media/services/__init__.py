"""Writes of the media app, one module per concern; import the functions from here."""

from .frames import poster_frame_extract, poster_frame_request
from .images import (
    ImageDetails,
    album_create,
    image_delete,
    image_set_poster,
    image_update,
    image_upload,
    images_reorder,
)
from .queue import video_jobs_cancel, videos_sweep
from .subtitles import (
    SubtitleDetails,
    subtitle_read,
    subtitle_track_add,
    subtitle_track_convert,
    subtitle_track_delete,
)
from .transcode import video_delete, video_retry, video_transcode, video_update
from .uploads import (
    UploadDeclaration,
    upload_append,
    upload_create,
    upload_require_editor,
    upload_terminate,
    uploads_expire,
)

__all__ = [
    "ImageDetails",
    "SubtitleDetails",
    "UploadDeclaration",
    "album_create",
    "image_delete",
    "image_set_poster",
    "image_update",
    "image_upload",
    "images_reorder",
    "poster_frame_extract",
    "poster_frame_request",
    "subtitle_read",
    "subtitle_track_add",
    "subtitle_track_convert",
    "subtitle_track_delete",
    "upload_append",
    "upload_create",
    "upload_require_editor",
    "upload_terminate",
    "uploads_expire",
    "video_delete",
    "video_jobs_cancel",
    "video_retry",
    "video_transcode",
    "video_update",
    "videos_sweep",
]
