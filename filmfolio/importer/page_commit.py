"""Save one reviewed page: create a film or update an existing one, and keep the page.

`page_import_commit(*, record, actor, source, target=None, fresh=None)` is the write of the
"New film from text" pages. It goes through `services.records_commit` (the one write path for
records, with its permission checks, change records, versions and search documents) and then
keeps a `PageImport` with the page's address and text, all in one transaction.

With a ``target`` film (one the actor may edit; `films.services.require_edit` refuses others)
the page updates that film: `merge_records` lays the reviewed record over the film's current
record, so the facts the page states replace the film's, and what the page does not state —
the film's visibility, links, companies, other credits, festival entries, texts in other
languages — stays.

The biography the review carries goes with the director's record: a director new here gets it
with the new record, and a director already here gets it through
`people.services.person_biography_set` when the actor may change that person's record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q

from filmfolio.core.matching import name_match_key, title_match_key
from filmfolio.films import access, person_access
from filmfolio.films.models import Film
from filmfolio.films.services import require_edit
from filmfolio.people.models import Person
from filmfolio.people.services import person_biography_set

from .choices import PageImportAction
from .exports import film_record_for
from .matching import source_digest
from .models import PageImport
from .records import FilmRecord
from .resolvers import FreshNames
from .services import CommitReport, records_commit


@dataclass(frozen=True)
class PageSource:
    """Where a page came from: the address it was fetched from ("" for pasted text) and its
    text as read."""

    url: str = ""
    text: str = ""


def page_import_commit(
    *,
    record: FilmRecord,
    actor: Any,
    source: PageSource,
    target: Film | None = None,
    fresh: FreshNames | None = None,
) -> tuple[CommitReport, PageImport]:
    """Create a film from ``record`` (or update ``target`` with it) and keep the page."""
    with transaction.atomic():
        if target is not None:
            require_edit(film=target, actor=actor)
            record = merge_records(film_record_for(target), record)
        report = records_commit(records=[record], actor=actor, fresh=fresh)
        film_id = report.film_ids[0]
        _keep_biographies(record, report, actor, film_id)
        page = PageImport.objects.create(
            user=actor,
            film_id=film_id,
            action=PageImportAction.UPDATED if target is not None else PageImportAction.CREATED,
            source_url=source.url[:2000],
            source_text=source.text,
            source_digest=source_digest(source.text),
        )
    return report, page


def _keep_biographies(record: FilmRecord, report: CommitReport, actor: Any, film_id: int) -> None:
    """Write the page's biographies of people who were already here to their records, when the
    actor may change those records (``films.person_access.editable_people``); a person the
    import created got the biography with the new record. The reviewed text replaces the one in the
    same language (the change record keeps the old one)."""
    created = set(report.log.created_ids.get("people", []))
    viewer = access.Viewer.for_user(actor)
    for credit in record.credits:
        if credit.person is None or not credit.person.biographies:
            continue
        person = _credited_person(film_id, credit.person.name)
        if person is None or person.pk in created:
            continue
        if not person_access.may_edit_person(viewer, person):
            continue
        for language, body in credit.person.biographies.items():
            person_biography_set(person=person, actor=actor, language=language, body=body)


def _credited_person(film_id: int, name: str) -> Person | None:
    """The person credited on the film under this name (any of their written forms)."""
    key = name_match_key(name)
    credited = Person.objects.filter(credits__film_id=film_id)
    return (
        credited.filter(Q(match_key=key) | Q(names__match_key=key))
        .order_by("pk")
        .distinct()
        .first()
    )


_SCALARS = ("year", "completion_date", "kind", "runtime_minutes", "budget")
_SPECS = ("shooting_format", "sound", "aspect_ratio", "color")


def merge_records(existing: FilmRecord, page: FilmRecord) -> FilmRecord:
    """``existing`` with what ``page`` states laid over it (the slug and visibility stay)."""
    data = existing.model_dump()
    new = page.model_dump()
    data["title"] = new["title"]
    for key in _SCALARS:
        if new[key] is not None:
            data[key] = new[key]
    for key in _SPECS:
        if new["specs"][key]:
            data["specs"][key] = new["specs"][key]
    data["titles"] = _union(data["titles"], new["titles"], lambda t: (t["text"], t["kind"]))
    data["genres"] = list(dict.fromkeys([*data["genres"], *new["genres"]]))
    data["countries"] = _union(data["countries"], new["countries"], lambda c: c["country"])
    data["languages"] = _union(
        data["languages"], new["languages"], lambda x: (x["language"], x["role"])
    )
    replaced = {(t["kind"], t["language"]) for t in new["texts"]}
    data["texts"] = [t for t in data["texts"] if (t["kind"], t["language"]) not in replaced] + new[
        "texts"
    ]
    data["credits"] = _union(data["credits"], new["credits"], _credit_key)
    data["festivals"] = _union(data["festivals"], new["festivals"], _entry_key)
    return FilmRecord.model_validate(data)


def _union(old: list[Any], new: list[Any], key: Any) -> list[Any]:
    seen = {key(item) for item in old}
    return old + [item for item in new if key(item) not in seen]


def _credit_key(credit: dict[str, Any]) -> tuple[str, str]:
    person = credit.get("person") or {}
    who = person.get("slug") or name_match_key(person.get("name") or "")
    return who, credit["role"]


def _entry_key(entry: dict[str, Any]) -> tuple[str, Any, Any, str]:
    return (
        title_match_key(entry["festival"]),
        entry.get("year"),
        entry.get("edition"),
        title_match_key(entry.get("award") or ""),
    )
