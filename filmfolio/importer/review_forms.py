"""The review page's forms with what is already here offered beside each value.

`initial_forms(viewer, review)` builds the unbound forms from a page's draft and
`bound_forms(viewer, data)` the posted ones; both offer, through `offer_matches`, the existing
films the draft may be (update one the viewer may edit, or create a new film), and for each
person and festival the existing records it may be ("this is …" or "new"). Which records are
offered and accepted is decided by `matching.py` and the forms' checks, both through
`films.access`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from filmfolio.core.viewers import Viewer

from .forms import NEW, CreditFormSet, FestivalFormSet, FilmDraftForm
from .matching import FilmMatch, festival_matches, film_matches, person_matches
from .review import Review, credit_initial, festival_initial, initial_values, text_initial

# A match this strong (same page imported before, or same title and year) is proposed for
# update; weaker ones are offered but "create a new film" stays chosen.
PROPOSE_UPDATE_SCORE = 3


@dataclass
class ReviewForms:
    """The draft form, the credit and festival formsets, and the films the draft may be."""

    form: FilmDraftForm
    credits: Any
    festivals: Any
    films: list[FilmMatch] = field(default_factory=list)

    def is_valid(self) -> bool:
        return all([self.form.is_valid(), self.credits.is_valid(), self.festivals.is_valid()])


def initial_forms(viewer: Viewer, review: Review) -> ReviewForms:
    """Unbound forms for ``review``'s draft, the best match of each row chosen."""
    values = review.draft.values
    films = film_matches(viewer, values, source_url=review.source_url, source_text=review.source)
    proposed = next(
        (m.film.slug for m in films if m.editable and m.score >= PROPOSE_UPDATE_SCORE), NEW
    )
    initial = {
        **initial_values(review.draft),
        **text_initial(review.draft),
        "source": review.source,
        "source_url": review.source_url,
        "needs_confirmation": not review.draft.looks_like_film,
        "target": proposed,
    }
    credit_rows = credit_initial(review.draft)
    for row in credit_rows:
        found = person_matches(viewer, row["name"])
        row["match"] = found[0].slug if found else NEW
    festival_rows = festival_initial(review.draft)
    for row in festival_rows:
        found_festivals = festival_matches(viewer, row["festival"] or "")
        row["match"] = found_festivals[0].slug if found_festivals else NEW
    forms = ReviewForms(
        form=FilmDraftForm(initial=initial, viewer=viewer),
        credits=CreditFormSet(
            prefix="credits", initial=credit_rows, form_kwargs={"viewer": viewer}
        ),
        festivals=FestivalFormSet(
            prefix="festivals", initial=festival_rows, form_kwargs={"viewer": viewer}
        ),
        films=films,
    )
    offer_matches(viewer, forms)
    return forms


def bound_forms(viewer: Viewer, data: Any) -> ReviewForms:
    """The posted review forms, with the same matches offered as when they were shown."""
    form = FilmDraftForm(data, viewer=viewer)
    credits = CreditFormSet(data, prefix="credits", form_kwargs={"viewer": viewer})
    festivals = FestivalFormSet(data, prefix="festivals", form_kwargs={"viewer": viewer})
    values = {
        "title": form["title"].value() or "",
        "titles": [{"text": form["original_title"].value() or ""}],
        "year": _int(form["year"].value()),
        "credits": [
            {"person": {"name": f["name"].value() or ""}, "role": f["role"].value()}
            for f in credits.forms
        ],
    }
    films = film_matches(
        viewer,
        values,
        source_url=form["source_url"].value() or "",
        source_text=form["source"].value() or "",
    )
    forms = ReviewForms(form=form, credits=credits, festivals=festivals, films=films)
    offer_matches(viewer, forms)
    return forms


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def offer_matches(viewer: Viewer, forms: ReviewForms) -> None:
    """Put the choices on the widgets: the films to update, the people and festivals."""
    forms.form.fields["target"].widget.choices = [
        (NEW, _("Create a new film")),
        *(
            (m.film.slug, _("Update “%(title)s”") % {"title": _film_label(m)})
            for m in forms.films
            if m.editable
        ),
    ]
    for row in forms.credits.forms:
        people = person_matches(viewer, row["name"].value() or "")
        row.fields["match"].widget.choices = [
            (NEW, _("New person")),
            *((p.slug, _("This is %(name)s") % {"name": p.display_name}) for p in people),
        ]
    for row in forms.festivals.forms:
        festivals = festival_matches(viewer, row["festival"].value() or "")
        row.fields["match"].widget.choices = [
            (NEW, _("New festival")),
            *((f.slug, _("This is %(name)s") % {"name": f.name}) for f in festivals),
        ]


def _film_label(match: FilmMatch) -> str:
    film = match.film
    return f"{film.title} ({film.year})" if film.year else film.title
