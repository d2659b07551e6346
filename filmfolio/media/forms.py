"""Forms of the media pages: parse and validate input only; services do the rest."""

from __future__ import annotations

import base64
import binascii

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import SubtitleKind
from .models import Album


class ImageUploadForm(forms.Form):
    """A poster or still with its caption and photographer credit."""

    file = forms.FileField(label=_("Image"))
    caption = forms.CharField(label=_("Caption"), max_length=500, required=False)
    photographer = forms.CharField(label=_("Photographer"), max_length=200, required=False)
    album = forms.ModelChoiceField(label=_("Album"), queryset=Album.objects.none(), required=False)
    is_poster = forms.BooleanField(label=_("Use as the poster"), required=False)

    def __init__(self, *args, film=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["album"].queryset = Album.objects.filter(film=film)  # type: ignore[attr-defined]


class AlbumForm(forms.Form):
    title = forms.CharField(label=_("Album title"), max_length=200)


class OrderForm(forms.Form):
    """The public ids of the film's images, comma-separated, in their new order."""

    order = forms.CharField(max_length=20000)

    def ids(self) -> list[str]:
        return [part.strip() for part in self.cleaned_data["order"].split(",") if part.strip()]


class SubtitleUploadForm(forms.Form):
    """A subtitle file (or, on confirming a preview, its bytes carried in ``content``), the encoding
    to read it with (blank: found from the bytes), and what the track is."""

    file = forms.FileField(label=_("Subtitle file (.srt, .vtt, .ttml or .dfxp)"), required=False)
    content = forms.CharField(widget=forms.HiddenInput, required=False, max_length=4 * 1024 * 1024)
    filename = forms.CharField(widget=forms.HiddenInput, required=False, max_length=255)
    encoding = forms.ChoiceField(
        label=_("Text encoding"),
        required=False,
        choices=[
            ("", _("Find it out")),
            ("utf-8", "UTF-8"),
            ("utf-16", "UTF-16"),
            ("gb18030", _("GB18030 (Simplified Chinese)")),
            ("big5", _("Big5 (Traditional Chinese)")),
            ("cp1252", _("Windows-1252 (Western European)")),
        ],
    )
    language = forms.CharField(label=_("Language (BCP 47, e.g. en, zh-Hans)"), max_length=35)
    kind = forms.ChoiceField(label=_("Kind"), choices=SubtitleKind.choices)
    label = forms.CharField(label=_("Label shown in the player"), max_length=100, required=False)
    declare_language = forms.BooleanField(
        label=_("Add this language to the film's subtitle languages"), required=False
    )

    def payload(self) -> tuple[bytes, str]:
        """The file's bytes and name, from the upload or from the preview's hidden field."""
        upload = self.cleaned_data.get("file")
        if upload is not None:
            return upload.read(), upload.name or ""
        try:
            data = base64.b64decode(self.cleaned_data.get("content", ""), validate=True)
        except (binascii.Error, ValueError):
            data = b""
        return data, self.cleaned_data.get("filename", "")
