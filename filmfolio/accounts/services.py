"""Writes of the accounts app: sign-up with a confirmed address, and claims of person records
("this is me").

Person records are reached through the claim's relation; this app does not import ``people``.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote, record_change
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError

from . import emails
from .choices import ClaimStatus
from .models import PersonClaim
from .tokens import signup_tokens


def user_signup(*, username: str, email: str, password: str, next_url: str = "") -> None:
    """Open a sign-up: a new address gets an inactive account and a confirmation link; a
    registered address gets a note to its holder and no new account. The caller answers the
    same either way, so the sign-up page never tells whether an address is registered."""
    user_model = get_user_model()
    holder = user_model.objects.filter(email__iexact=email).order_by("-is_active", "pk").first()
    if holder is not None:
        make_password(password)  # the same work as a new account, so timing tells nothing
        transaction.on_commit(lambda: emails.send_signup_existing(holder, next_url))
        return
    with transaction.atomic():
        user = user_model.objects.create_user(
            username=username, email=email, password=password, is_active=False
        )
        transaction.on_commit(lambda: emails.send_signup_confirmation(user, next_url))


def user_signup_confirm(*, uidb64: str, token: str) -> Any | None:
    """Activate the account of a confirmation link; None when the link is wrong or used."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    with transaction.atomic():
        user = get_user_model().objects.select_for_update().filter(pk=pk).first()
        if user is None or user.is_active or not signup_tokens.check_token(user, token):
            return None
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user


def admin_create(*, email: str, password: str) -> Any:
    """Create an administrator (staff and superuser) named after the address's local part;
    refuses an invalid or taken address and a password the validators reject."""
    email = email.strip()
    try:
        validate_email(email)
    except DjangoValidationError:
        message = _("Enter a valid e-mail address.")
        raise ValidationFailedError(message, errors={"email": [message]}) from None
    user_model = get_user_model()
    if user_model.objects.filter(email__iexact=email).exists():
        message = _("An account with this e-mail address exists already.")
        raise ValidationFailedError(message, errors={"email": [message]})
    username = _free_username(user_model, email.split("@", 1)[0])
    try:
        validate_password(password, user_model(username=username, email=email))
    except DjangoValidationError as error:
        messages = error.messages
        raise ValidationFailedError(" ".join(messages), errors={"password": messages}) from None
    with transaction.atomic():
        return user_model.objects.create_superuser(
            username=username, email=email, password=password
        )


def admin_exists() -> bool:
    """Whether any active administrator account exists."""
    return get_user_model().objects.filter(is_superuser=True, is_active=True).exists()


def _free_username(user_model: Any, wanted: str) -> str:
    base = wanted[:140] or "admin"
    name, number = base, 1
    while user_model.objects.filter(username__iexact=name).exists():
        number += 1
        name = f"{base}{number}"
    return name


def person_claim_create(*, user: Any, person: Any, message: str = "") -> PersonClaim:
    """Ask an administrator to link ``person`` to ``user``'s account."""
    if getattr(person, "user_id", None) is not None:
        raise ValidationFailedError(_("This person is already linked to an account."))
    if hasattr(user, "person"):
        raise ValidationFailedError(_("Your account is already linked to a person."))
    try:
        with transaction.atomic():
            claim = PersonClaim.objects.create(user=user, person=person, message=message.strip())
    except IntegrityError as error:
        raise ValidationFailedError(_("You have already claimed this person.")) from error
    return claim


def _pending_claim(claim_id: int, approve: bool) -> PersonClaim:
    """The pending claim, locked; refused when decided already, or when confirming it would
    link a person or an account that is linked already."""
    claim = (
        PersonClaim.objects.select_for_update()
        .select_related("person", "user")
        .filter(pk=claim_id, status=ClaimStatus.PENDING)
        .first()
    )
    if claim is None:
        raise ValidationFailedError(_("This claim was already decided."))
    if approve and (claim.person.user_id is not None or hasattr(claim.user, "person")):
        raise ValidationFailedError(_("The person or the account is already linked."))
    return claim


def person_claim_decide(*, claim_id: int, actor: Any, approve: bool) -> PersonClaim:
    """An administrator confirms (links ``Person.user``) or declines a pending claim."""
    if not (actor.is_authenticated and (actor.is_staff or actor.is_superuser)):
        raise PermissionDeniedError(_("Only administrators decide claims."))
    with transaction.atomic():
        claim = _pending_claim(claim_id, approve)
        claim.status = ClaimStatus.APPROVED if approve else ClaimStatus.REJECTED
        claim.decided_by = actor
        claim.decided_at = timezone.now()
        claim.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
        if approve:
            claim.person.user = claim.user
            claim.person.save(update_fields=["user", "updated_at"])
        record_change(
            target=claim.person,
            note=ChangeNote(
                actor=actor,
                action=AuditAction(claim.status),
                section=AuditSection.ACCOUNT,
                changes={
                    "user": {"old": None, "new": claim.user.get_username() if approve else None}
                },
            ),
        )
    return claim
