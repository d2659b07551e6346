"""The e-mails of sign-up: a confirmation link for a new account, and a note to the holder of
an address that is registered already (so the sign-up page never tells which it was)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from .tokens import signup_tokens


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def confirmation_url(user: Any, next_url: str = "") -> str:
    """The link that activates ``user``'s new account."""
    path = reverse(
        "accounts:signup_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": signup_tokens.make_token(user),
        },
    )
    return _absolute(path + (f"?{urlencode({'next': next_url})}" if next_url else ""))


def send_signup_confirmation(user: Any, next_url: str = "") -> None:
    """Mail the confirmation link of a new (inactive) account."""
    body = render_to_string(
        "accounts/email/signup_confirm.txt",
        {"user": user, "url": confirmation_url(user, next_url)},
    )
    send_mail(_("Confirm your Filmfolio account"), body, None, [user.email])


def send_signup_existing(user: Any, next_url: str = "") -> None:
    """Tell the holder of a registered address that someone signed up with it."""
    context = {
        "user": user,
        "login_url": _absolute(reverse("accounts:login")),
        "reset_url": _absolute(reverse("accounts:password_reset")),
        "confirm_url": "" if user.is_active else confirmation_url(user, next_url),
    }
    body = render_to_string("accounts/email/signup_existing.txt", context)
    send_mail(_("Your Filmfolio account"), body, None, [user.email])
