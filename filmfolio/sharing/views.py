"""Screener links and invitations as the recipient meets them.

``/share/s/<token>/`` swaps the token for a grant in the browser session and redirects to the
clean film address, so the token never stays in the address bar, history or Referer. A link
with a password first redirects to the clean ``/share/unlock/`` form: pages served with
``Referrer-Policy: no-referrer`` make Chromium send ``Origin: null`` with their form posts, which
Django's CSRF origin check rightly refuses, so no form lives on a token address.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from filmfolio.accounts import throttling
from filmfolio.core.errors import DomainError, PermissionDeniedError

from . import opening, services
from .link_controls import screener_link_refusal

PRIVATE_HEADERS = {"Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer"}
SESSION_PENDING_LINK = "filmfolio.pending_link"


class LinkPasswordForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Password"), max_length=128, widget=forms.PasswordInput
    )


def _private(response: HttpResponse) -> HttpResponse:
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def _no_store(response: HttpResponse) -> HttpResponse:
    """Private caching only: for pages with forms, which must keep the site's referrer policy."""
    response["Cache-Control"] = PRIVATE_HEADERS["Cache-Control"]
    return response


def link_open(request: HttpRequest, token: str) -> HttpResponse:
    """Open a screener link: straight to the film, or to the password form first. Only a GET
    opens it: a HEAD (a link checker) is answered with the same redirect and changes nothing.
    Outside its window (or while its burned-in copy is made) it says when it opens or closed."""
    link = opening.screener_link_with_token(token)
    if link is None or link.revoked_at is not None:
        return _private(render(request, "sharing/link_invalid.html", status=404))
    refusal = screener_link_refusal(link, timezone.now())
    if refusal:  # a closed link is gone (404); one not open yet, or being prepared, is 403
        status = 404 if link.expires_at and link.expires_at <= timezone.now() else 403
        context = {"message": refusal}
        return _private(render(request, "sharing/link_closed.html", context, status=status))
    if link.has_password:
        request.session[SESSION_PENDING_LINK] = link.pk
        return _private(redirect("sharing:unlock"))
    if request.method == "GET":
        opening.screener_link_open(request=request, link=link)
    return _private(redirect(link.film.get_absolute_url()))


def link_unlock(request: HttpRequest) -> HttpResponse:
    """The password form of the screener link opened last in this browser."""
    link = opening.screener_link_by_id(request.session.get(SESSION_PENDING_LINK))
    if link is None:
        return _private(render(request, "sharing/link_invalid.html", status=404))
    form = LinkPasswordForm(request.POST or None)
    target = f"link:{link.pk}"
    if request.method == "POST" and throttling.SHARE_PASSWORD_FAILURES.is_blocked(request, target):
        form.errors.clear()
        form.add_error(None, throttling.TOO_MANY)
        return _no_store(render(request, "sharing/link_password.html", {"form": form}, status=429))
    if request.method == "POST" and form.is_valid():
        if opening.screener_link_open(
            request=request, link=link, password=form.cleaned_data["password"]
        ):
            del request.session[SESSION_PENDING_LINK]
            return _private(redirect(link.film.get_absolute_url()))
        throttling.SHARE_PASSWORD_FAILURES.hit(request, target)
        form.add_error("password", _("This password is not right."))
    status = 403 if form.errors else 200
    return _no_store(render(request, "sharing/link_password.html", {"form": form}, status=status))


@login_required
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Accept an invitation to collaborate (after logging in or signing up)."""
    if request.method != "POST":
        return _no_store(render(request, "sharing/invitation.html", {}))
    try:
        collaborator = services.invitation_accept(token=token, user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        status = 403 if isinstance(error, PermissionDeniedError) else 404
        return _no_store(render(request, "sharing/invitation.html", {}, status=status))
    messages.success(request, _("You now work on this film."))
    return _no_store(redirect(collaborator.film.get_absolute_url()))
