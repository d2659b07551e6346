"""The "New film from text" pages: read a page, review the draft, save, see what was linked.

Views parse, call and render; the work is in `review.py` (extraction for review), `forms.py`
(the review forms to record data) and `services.records_commit` (the write).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods
from pydantic import ValidationError

from .forms import (
    MAX_PAGE_BYTES,
    CreditFormSet,
    FestivalFormSet,
    FilmDraftForm,
    PageForm,
    record_data,
)
from .records import FilmRecord, validation_messages
from .review import Review, credit_initial, festival_initial, initial_values, review_for
from .services import records_commit

# Room for the form's other fields beside a page of MAX_PAGE_BYTES.
MAX_REQUEST_BYTES = MAX_PAGE_BYTES + 256 * 1024
SESSION_RESULT = "filmfolio.importer.result"


@csrf_exempt  # checked in _start once the body is known to be small enough to read
@login_required
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """Step 1: paste text or upload a file; a POST reads it and shows the review."""
    if request.method == "POST" and _too_big(request):
        # Reading a larger body would fail before any view code runs: say why instead.
        error = _("The page is larger than 2 MB. Paste or upload a smaller part.")
        context = {"form": PageForm(), "error": error}
        return render(request, "importer/start.html", context, status=413)
    return _start(request)


@csrf_protect
def _start(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "importer/start.html", {"form": PageForm()})
    form = PageForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "importer/start.html", {"form": form}, status=400)
    review = review_for(form.page_data())
    draft_form = FilmDraftForm(initial={**initial_values(review.draft), "source": review.source})
    credits = CreditFormSet(prefix="credits", initial=credit_initial(review.draft))
    festivals = FestivalFormSet(prefix="festivals", initial=festival_initial(review.draft))
    return _render_review(request, review, draft_form, credits, festivals)


def _too_big(request: HttpRequest) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES
    except ValueError:
        return True


@login_required
@require_http_methods(["POST"])
def save(request: HttpRequest) -> HttpResponse:
    """Step 2: the reviewed draft; saved as a private film owned by the user."""
    form = FilmDraftForm(request.POST)
    credits = CreditFormSet(request.POST, prefix="credits")
    festivals = FestivalFormSet(request.POST, prefix="festivals")
    review = review_for(request.POST.get("source", ""))
    if not (form.is_valid() and credits.is_valid() and festivals.is_valid()):
        return _render_review(request, review, form, credits, festivals, status=400)
    try:
        record = FilmRecord.model_validate(record_data(form, credits, festivals))
    except ValidationError as error:
        for path, messages in validation_messages(error).items():
            form.add_error(None, f"{path}: {' '.join(messages)}")
        return _render_review(request, review, form, credits, festivals, status=400)
    report = records_commit(records=[record], actor=request.user)
    request.session[SESSION_RESULT] = {
        "slug": report.created[0],
        "title": record.title,
        "created": {k: sorted(v) for k, v in report.log.created.items()},
        "linked": {k: sorted(v) for k, v in report.log.linked.items()},
    }
    return redirect("importer:result")


def _render_review(
    request: HttpRequest,
    review: Review,
    form: FilmDraftForm,
    credits: Any,
    festivals: Any,
    status: int = 200,
) -> HttpResponse:
    context = {
        "review": review,
        "form": form,
        "credits": credits,
        "festivals": festivals,
        "fields": [(form[name], review.snippets.get(name, [])) for name in _FIELD_ORDER],
        "credit_rows": [(f, review.credit_snippets.get(f["name"].value() or "")) for f in credits],
        "festival_rows": [
            (f, review.festival_snippets.get(f["festival"].value() or "")) for f in festivals
        ],
    }
    return render(request, "importer/review.html", context, status=status)


_FIELD_ORDER = [
    "title",
    "original_title",
    "year",
    "runtime_minutes",
    "kind",
    "genres",
    "countries",
    "languages",
    "subtitles",
    "shooting_format",
    "aspect_ratio",
    "sound",
    "color",
    "budget",
]


@login_required
def result(request: HttpRequest) -> HttpResponse:
    """Step 3: the new film, and which people, organisations and festivals were linked."""
    outcome = request.session.get(SESSION_RESULT)
    if outcome is None:
        return redirect("importer:start")
    labels = {
        "people": _("People"),
        "organisations": _("Organisations"),
        "festivals": _("Festivals"),
    }
    context = {
        "result": outcome,
        "linked": [(labels.get(k, k), ", ".join(v)) for k, v in outcome["linked"].items()],
        "created": [(labels.get(k, k), ", ".join(v)) for k, v in outcome["created"].items()],
    }
    return render(request, "importer/result.html", context)
