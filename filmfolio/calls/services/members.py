"""A festival's account: its members in roles, and the sections and awards its managers add
to the festival's records (written through ``festivals.services``)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote, record_change
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ObjectNotFoundError, PermissionDeniedError, ValidationFailedError
from filmfolio.core.viewers import Viewer
from filmfolio.festivals.models import Award, Edition, Festival, Section
from filmfolio.festivals.services import festival_rows_write

from .. import access
from ..choices import MemberRole
from ..models import FestivalMember


def require_manage(*, festival: Festival, actor: Any) -> None:
    """Raise unless ``actor`` manages ``festival`` (director, programmer, staff, admin)."""
    if not access.can_manage_festival(Viewer.for_user(actor), festival):
        raise PermissionDeniedError(_("Only the festival's team may do this."))


def _member_note(actor: Any, action: str, old: str | None, new: str | None) -> ChangeNote:
    return ChangeNote(
        actor=actor,
        action=action,
        section=AuditSection.MEMBERSHIPS,
        changes={"member": {"old": old, "new": new}},
    )


def member_appoint(*, festival: Festival, email: str, role: str, actor: Any) -> FestivalMember:
    """Give the user with ``email`` a ``role`` at ``festival`` (or change their role).

    Only the festival's director may, or a site administrator (who appoints the first)."""
    if not access.can_direct_festival(Viewer.for_user(actor), festival):
        raise PermissionDeniedError(_("Only the festival's director may appoint members."))
    if role not in MemberRole.values:
        raise ValidationFailedError(_("Choose a role."), errors={"role": [_("Choose a role.")]})
    user = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        message = _("No Filmfolio account has this e-mail address.")
        raise ValidationFailedError(message, errors={"email": [message]})
    with transaction.atomic():
        member = FestivalMember.objects.filter(festival=festival, user=user).first()
        old = f"{user.email} ({member.role})" if member else None
        if member is None:
            member = FestivalMember(festival=festival, user=user)
        member.role = role
        member.save()
        record_change(
            target=festival,
            note=_member_note(actor, AuditAction.SET, old, f"{user.email} ({role})"),
        )
    return member


def member_remove(*, festival: Festival, member_id: int, actor: Any) -> None:
    """Remove one member; the festival keeps at least one director."""
    if not access.can_direct_festival(Viewer.for_user(actor), festival):
        raise PermissionDeniedError(_("Only the festival's director may remove members."))
    with transaction.atomic():
        member = FestivalMember.objects.filter(festival=festival, pk=member_id).first()
        if member is None:
            raise ObjectNotFoundError(_("This member does not exist at this festival."))
        directors = festival.members.filter(role=MemberRole.DIRECTOR)
        if member.role == MemberRole.DIRECTOR and directors.count() == 1:
            raise ValidationFailedError(_("A festival keeps at least one director."))
        label = f"{member.user.email} ({member.role})"
        member.delete()
        record_change(target=festival, note=_member_note(actor, AuditAction.REMOVE, label, None))


def section_add(*, edition: Edition, name: str, is_competitive: bool, actor: Any) -> Section:
    """Add a programme section to one of the festival's editions."""
    festival = edition.festival
    require_manage(festival=festival, actor=actor)
    section = Section(edition=edition, name=name.strip(), is_competitive=is_competitive)
    festival_rows_write(
        festival=festival, actor=actor, section=AuditSection.SECTIONS, saved=[section]
    )
    return section


def award_add(*, festival: Festival, name: str, actor: Any) -> Award:
    """Add an award the festival gives."""
    require_manage(festival=festival, actor=actor)
    award = Award(festival=festival, name=name.strip())
    festival_rows_write(festival=festival, actor=actor, section=AuditSection.AWARDS, saved=[award])
    return award
