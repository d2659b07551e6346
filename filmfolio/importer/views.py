"""The "New film from text" pages: read a page, review the draft, save, see what was linked.

Views parse, call and render; the work is in `fetch.py` (a page from an address, guarded),
`review.py` (extraction for review), `review_forms.py` and `forms.py` (the review forms, with
the existing films, people and festivals offered, to record data) and
`page_commit.page_import_commit` (the write, through `services.records_commit`).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods
from pydantic import ValidationError

from filmfolio.films.access import ViewerRequest

from .fetch import FetchRefusedError, fetch_page
from .forms import MAX_PAGE_BYTES, PageForm
from .page_commit import PageSource, page_import_commit
from .records import FilmRecord, validation_messages
from .review import Review, review_for, review_for_fetched
from .review_forms import ReviewForms, bound_forms, initial_forms
from .review_record import fresh_names, record_data

# Room for the form's other fields beside a page of MAX_PAGE_BYTES.
MAX_REQUEST_BYTES = MAX_PAGE_BYTES + 256 * 1024
SESSION_RESULT = "filmfolio.importer.result"


@csrf_exempt  # checked in _start once the body is known to be small enough to read
@login_required
@require_http_methods(["GET", "POST"])
def start(request: ViewerRequest) -> HttpResponse:
    """Step 1: an address, pasted text or a file; a POST reads it and shows the review."""
    if request.method == "POST" and _too_big(request):
        # Reading a larger body would fail before any view code runs: say why instead.
        error = _("The page is larger than 2 MB. Paste or upload a smaller part.")
        context = {"form": PageForm(), "error": error}
        return render(request, "importer/start.html", context, status=413)
    return _start(request)


@csrf_protect
def _start(request: ViewerRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "importer/start.html", {"form": PageForm()})
    form = PageForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "importer/start.html", {"form": form}, status=400)
    if form.cleaned_data.get("url"):
        try:
            review = review_for_fetched(fetch_page(form.cleaned_data["url"]))
        except FetchRefusedError as error:
            form.add_error("url", str(error))
            return render(request, "importer/start.html", {"form": form}, status=400)
    else:
        review = review_for(form.page_data())
    return _render_review(request, review, initial_forms(request.viewer, review))


def _too_big(request: HttpRequest) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES
    except ValueError:
        return True


@login_required
@require_http_methods(["POST"])
def save(request: ViewerRequest) -> HttpResponse:
    """Step 2: the reviewed draft; saved as a new private film owned by the user, or as an
    update of the existing film the user chose."""
    forms = bound_forms(request.viewer, request.POST)
    review = review_for(request.POST.get("source", ""))
    review.source_url = request.POST.get("source_url", "")
    if not forms.is_valid():
        return _render_review(request, review, forms, status=400)
    form = forms.form
    try:
        record = FilmRecord.model_validate(record_data(form, forms.credits, forms.festivals))
    except ValidationError as error:
        for path, messages in validation_messages(error).items():
            form.add_error(None, f"{path}: {' '.join(messages)}")
        return _render_review(request, review, forms, status=400)
    target = form.cleaned_data["target"]
    report, _page = page_import_commit(
        record=record,
        actor=request.user,
        source=PageSource(url=form.cleaned_data["source_url"], text=form.cleaned_data["source"]),
        target=target,
        fresh=fresh_names(forms.credits, forms.festivals),
    )
    request.session[SESSION_RESULT] = {
        "slug": (report.updated or report.created)[0],
        "title": record.title,
        "updated": target is not None,
        "created": {k: sorted(v) for k, v in report.log.created.items()},
        "linked": {k: sorted(v) for k, v in report.log.linked.items()},
    }
    return redirect("importer:result")


def _render_review(
    request: HttpRequest, review: Review, forms: ReviewForms, status: int = 200
) -> HttpResponse:
    form = forms.form
    context = {
        "review": review,
        "form": form,
        "credits": forms.credits,
        "festivals": forms.festivals,
        "films": forms.films,
        "needs_confirmation": form.fields["needs_confirmation"].to_python(
            form["needs_confirmation"].value()
        ),
        "fields": [(form[name], review.snippets.get(name, [])) for name in _FIELD_ORDER],
        "texts": [(form[name], form[f"{name}_language"]) for name in _TEXT_ORDER],
        "credit_rows": [
            (f, review.credit_snippets.get(f["name"].value() or "")) for f in forms.credits
        ],
        "festival_rows": [
            (f, review.festival_snippets.get(f["festival"].value() or "")) for f in forms.festivals
        ],
    }
    return render(request, "importer/review.html", context, status=status)


_TEXT_ORDER = ["synopsis", "logline", "statement", "biography"]


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
