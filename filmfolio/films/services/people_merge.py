"""Merging two records of one person: everything of the removed record moves to the kept one.

``person_merge`` moves credits (a credit the kept person already has on the same film in the
same role is merged into theirs), written names, biographies (a language the kept person has
a biography in keeps theirs), links, claims and a confirmed account; the removed person's
address answers 301 with the kept person's page (``PersonSlugRedirect``). Both records get a
change record, the removed person's search document is dropped, and the kept person's and those
of every film crediting them are rewritten (``people.services.person_changed``, whose hook gives
those films a new version). Who may merge is decided by ``films.person_access.may_merge_people``.

It lives in ``films`` because it moves credits (films) and claims (accounts), both above
``people``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from filmfolio.accounts.choices import ClaimStatus
from filmfolio.accounts.models import PersonClaim
from filmfolio.core.audit import ChangeNote, record_change
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.core.viewers import Viewer
from filmfolio.people.models import Person, PersonName, PersonSlugRedirect
from filmfolio.people.services import name_script, person_changed

from .. import person_access
from ..models import Credit
from ..reindex import search_remove

CREDIT_DETAILS = ("credited_as", "character", "description")


@dataclass
class MergePlan:
    """What a merge moves (the confirmation page shows it; the service returns it done)."""

    credits_moved: int = 0
    credits_merged: int = 0
    names_moved: int = 0
    biographies_moved: int = 0
    biographies_dropped: int = 0
    links_moved: int = 0
    claims_moved: int = 0
    account_moved: bool = False
    film_ids: list[int] = field(default_factory=list)

    def as_changes(self) -> dict[str, dict[str, Any]]:
        """The counts as a change record's values (0 before, the count after)."""
        counts = {
            "credits_moved": self.credits_moved,
            "credits_merged": self.credits_merged,
            "names_moved": self.names_moved,
            "biographies_moved": self.biographies_moved,
            "links_moved": self.links_moved,
            "claims_moved": self.claims_moved,
        }
        return {name: {"old": None, "new": count} for name, count in counts.items() if count}


def _pending_claimants(person: Person) -> set[int]:
    """The users with a claim on ``person`` waiting for an administrator."""
    return set(person.claims.filter(status=ClaimStatus.PENDING).values_list("user_id", flat=True))


def person_merge_plan(*, keep: Person, remove: Person) -> MergePlan:
    """What merging ``remove`` into ``keep`` would move, without changing anything."""
    plan = MergePlan()
    taken = set(keep.credits.values_list("film_id", "role_id"))
    for film_id, role_id in remove.credits.values_list("film_id", "role_id"):
        if (film_id, role_id) in taken:
            plan.credits_merged += 1
        else:
            plan.credits_moved += 1
        plan.film_ids.append(film_id)
    plan.film_ids = sorted(set(plan.film_ids))
    names = set(keep.names.values_list("name", flat=True))
    moving = set(remove.names.values_list("name", flat=True)) - names
    plan.names_moved = len(moving | ({remove.display_name} - names))
    languages = set(keep.biographies.values_list("language", flat=True))
    plan.biographies_moved = remove.biographies.exclude(language__in=languages).count()
    plan.biographies_dropped = remove.biographies.filter(language__in=languages).count()
    urls = set(keep.links.values_list("url", flat=True))
    plan.links_moved = remove.links.exclude(url__in=urls).count()
    plan.claims_moved = remove.claims.exclude(
        status=ClaimStatus.PENDING, user_id__in=_pending_claimants(keep)
    ).count()
    plan.account_moved = remove.user_id is not None and keep.user_id is None
    return plan


def _check(*, keep: Person, remove: Person, actor: Any) -> None:
    """Refuse a merge the actor may not make or that would lose an account."""
    if keep.pk == remove.pk:
        raise ValidationFailedError(_("Choose two different people to merge."))
    viewer = Viewer.for_user(actor)
    if not person_access.may_merge_people(viewer, keep=keep, remove=remove):
        raise PermissionDeniedError(_("You may not merge these people."))
    if keep.user_id and remove.user_id and keep.user_id != remove.user_id:
        raise ValidationFailedError(
            _("Both people are confirmed as different accounts; they cannot be merged.")
        )


def _move_credits(keep: Person, remove: Person) -> None:
    """Credits of ``remove`` become ``keep``'s; one duplicating a credit of ``keep`` (same
    film and role) fills that credit's empty details and is deleted."""
    credits = Credit.objects
    kept = {(c.film_id, c.role_id): c for c in credits.filter(person=keep)}
    for credit in credits.filter(person=remove).order_by("pk"):
        twin = kept.get((credit.film_id, credit.role_id))
        if twin is None:
            credit.person = keep
            credit.save(update_fields=["person"])
            continue
        empty = [name for name in CREDIT_DETAILS if not getattr(twin, name)]
        for name in empty:
            setattr(twin, name, getattr(credit, name))
        credit.delete()
        if empty:
            twin.save(update_fields=empty)


def _move_rows(keep: Person, remove: Person) -> None:
    """Names, biographies and links of ``remove`` that ``keep`` lacks move; the rest go."""
    names = set(keep.names.values_list("name", flat=True))
    remove.names.exclude(name__in=names).update(person=keep)
    languages = set(keep.biographies.values_list("language", flat=True))
    remove.biographies.exclude(language__in=languages).update(person=keep)
    urls = set(keep.links.values_list("url", flat=True))
    remove.links.exclude(url__in=urls).update(person=keep)
    if not keep.names.filter(name=remove.display_name).exists():
        PersonName.objects.create(
            person=keep,
            name=remove.display_name,
            script=name_script(remove.display_name),
        )


def _move_claims_and_account(keep: Person, remove: Person) -> None:
    """Claims move (a pending claim the same user has on ``keep`` already is dropped), and
    a confirmed account moves when ``keep`` has none."""
    pending = _pending_claimants(keep)
    remove.claims.filter(status=ClaimStatus.PENDING, user_id__in=pending).delete()
    PersonClaim.objects.filter(person=remove).update(person=keep)
    if remove.user_id is not None and keep.user_id is None:
        user = remove.user
        remove.user = None
        remove.save(update_fields=["user"])
        keep.user = user
        keep.save(update_fields=["user"])


def _redirect(keep: Person, remove: Person) -> None:
    """The removed person's address, and addresses already redirected to it, lead to ``keep``."""
    PersonSlugRedirect.objects.filter(person=remove).update(person=keep)
    PersonSlugRedirect.objects.filter(old_slug=keep.slug).delete()
    PersonSlugRedirect.objects.create(old_slug=remove.slug, person=keep)


def person_merge(*, keep: Person, remove: Person, actor: Any) -> MergePlan:
    """Merge ``remove`` into ``keep`` (see the module docstring); returns what moved."""
    _check(keep=keep, remove=remove, actor=actor)
    with transaction.atomic():
        plan = person_merge_plan(keep=keep, remove=remove)
        summary = f"{remove.display_name} → {keep.display_name}"
        slugs = {"merged_into": {"old": remove.slug, "new": keep.slug}}
        record_change(
            target=remove,
            note=ChangeNote(actor=actor, action=AuditAction.MERGE, changes=slugs, summary=summary),
        )
        _move_credits(keep, remove)
        _move_rows(keep, remove)
        _move_claims_and_account(keep, remove)
        _redirect(keep, remove)
        search_remove(remove)
        remove.delete()
        person_changed(
            keep,
            ChangeNote(
                actor=actor,
                action=AuditAction.MERGE,
                section=AuditSection.PERSON,
                changes={**slugs, **plan.as_changes()},
                summary=summary,
            ),
        )
    return plan
