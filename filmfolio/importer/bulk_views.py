"""The "Add a film from a file" pages: upload and check a file, start the import, follow it.

Views parse, call and render; the work is in ``bulk.py``. An import is seen only by the user who
started it (``FilmImport.objects.visible_to``); anyone else gets a 404, as for a film they may
not see. The films listed on the result are those the viewer may still see listed.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from filmfolio.films.access import ViewerRequest
from filmfolio.films.models import Film

from .bulk import (
    MAX_FILE_BYTES,
    file_check,
    film_import_create,
    film_import_start,
    waiting_titles,
)
from .bulk_samples import sample_text
from .models import FilmImport


class FilmFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File of films"),
        help_text=gettext_lazy("A .jsonl or .csv file of up to 5 MB and 1,000 films."),
        widget=forms.ClearableFileInput(attrs={"accept": ".jsonl,.ndjson,.json,.csv"}),
    )


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: ViewerRequest) -> HttpResponse:
    """Step 1: choose a file; a POST checks every row and keeps a file without problems."""
    posted = request.method == "POST"
    form = FilmFileForm(request.POST, request.FILES) if posted else FilmFileForm()
    check = None
    if posted and form.is_valid():
        sent = form.cleaned_data["file"]
        # At most one byte past the limit is read: enough to say the file is too large.
        check = file_check(name=sent.name, data=sent.read(MAX_FILE_BYTES + 1))
        if check.ok:
            film_import = film_import_create(actor=request.user, name=sent.name, check=check)
            return redirect("importer:bulk_detail", import_id=film_import.public_id)
    status = 400 if posted else 200
    context = {"form": form, "check": check}
    return _no_store(render(request, "importer/bulk_upload.html", context, status=status))


def _import_for(request: ViewerRequest, import_id: str) -> FilmImport:
    found = FilmImport.objects.visible_to(request.viewer).filter(public_id=import_id).first()
    if found is None:
        raise Http404(_("No such import."))
    return found


@login_required
@require_http_methods(["GET", "POST"])
def detail(request: ViewerRequest, import_id: str) -> HttpResponse:
    """Step 2 and 3: the checked file with its go button, the progress, then the films made."""
    film_import = _import_for(request, import_id)
    if request.method == "POST":
        film_import_start(film_import=film_import)
        return redirect("importer:bulk_detail", import_id=film_import.public_id)
    context = {
        "film_import": film_import,
        "titles": waiting_titles(film_import),
        "films": _films(request, film_import),
    }
    return _no_store(render(request, "importer/bulk_detail.html", context))


def _films(request: ViewerRequest, film_import: FilmImport) -> list[Film]:
    made = film_import.films.listed_for(request.viewer)
    return list(made.order_by("pk").only("slug", "title", "year"))


@login_required
@require_GET
def status(request: ViewerRequest, import_id: str) -> JsonResponse:
    """The progress of an import, for the page to follow without reloading."""
    film_import = _import_for(request, import_id)
    response = JsonResponse(
        {
            "state": film_import.state,
            "state_label": film_import.get_state_display(),
            "rows_done": film_import.rows_done,
            "total_rows": film_import.total_rows,
            "finished": film_import.is_finished,
        }
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def sample(request: HttpRequest, fmt: str) -> HttpResponse:
    """A small file of two films in the format, to download and fill in."""
    content_type = "text/csv" if fmt == "csv" else "application/x-ndjson"
    response = HttpResponse(sample_text(fmt), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="filmfolio-films.{fmt}"'
    return response
