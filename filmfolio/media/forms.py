"""Forms of the media pages: parse and validate input only; services do the rest."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

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
