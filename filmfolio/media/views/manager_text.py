"""The sentences the media manager's scripts show, in the active language (read as JSON data
by ``static/media/manager.js``; placeholders in braces are filled in by the script)."""

from __future__ import annotations

from django.utils.translation import gettext as _


def manager_text() -> dict[str, str]:
    """Every label and message of the upload rows, the stills order and the poster frame."""
    return {
        "waiting": _("Waiting"),
        "hashing": _("Checking the file… {percent} %"),
        "uploading": _("Uploading"),
        "paused": _("Paused"),
        "retrying": _("Connection lost; trying again…"),
        "offline": _("Offline; the upload goes on when the connection is back."),
        "finishing": _("Checking the video on the server…"),
        "transcoding": _("Transcoding {percent} %"),
        "ready": _("Ready"),
        "done": _("Done"),
        "cancelled": _("Cancelled"),
        "failed": _("The upload failed: {reason}"),
        "network": _("the connection to the server was lost"),
        "refused": _("the server refused it (HTTP {status})"),
        "not_media": _("{name} is neither an image nor a video; it was not uploaded."),
        "rate": _("{speed}/s, {left} left"),
        "minutes": _("{minutes} min {seconds} s"),
        "seconds": _("{seconds} s"),
        "resumed": _("Resumed at {percent} %"),
        "moved": _("Moved to place {place} of {count}."),
        "order_saved": _("The order is saved."),
        "order_failed": _("The order could not be saved: {reason}"),
        "frame_waiting": _("Waiting for the frame…"),
        "frame_done": _("The poster is this frame now."),
        "frame_failed": _("The frame could not be taken: {reason}"),
        "leave": _("Uploads are still running. Leave the page anyway?"),
    }
