"""Screener links and invitations as the recipient meets them.

``/share/s/<token>/`` swaps the token for a grant in the browser session and redirects to the
clean film address, so the token never stays in the address bar, history or Referer.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from filmfolio.core.errors import DomainError

from . import services

PRIVATE_HEADERS = {"Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer"}


class LinkPasswordForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Password"), max_length=128, widget=forms.PasswordInput
    )


def _private(response: HttpResponse) -> HttpResponse:
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def link_open(request: HttpRequest, token: str) -> HttpResponse:
    """Open a screener link: ask its password if it has one, then go to the film."""
    link = services.screener_link_for_token(token)
    if link is None:
        response = render(request, "sharing/link_invalid.html", status=404)
        return _private(response)
    form = LinkPasswordForm(request.POST or None)
    if link.has_password and not (request.method == "POST" and form.is_valid()):
        return _private(render(request, "sharing/link_password.html", {"form": form}))
    password = form.cleaned_data["password"] if link.has_password else ""
    if not services.screener_link_open(request=request, link=link, password=password):
        form.add_error("password", _("This password is not right."))
        return _private(render(request, "sharing/link_password.html", {"form": form}, status=403))
    return _private(redirect(link.film.get_absolute_url()))


@login_required
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Accept an invitation to collaborate (after logging in or signing up)."""
    if request.method != "POST":
        return _private(render(request, "sharing/invitation.html", {}))
    try:
        collaborator = services.invitation_accept(token=token, user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return _private(render(request, "sharing/invitation.html", {}, status=404))
    messages.success(request, _("You now work on this film."))
    return _private(redirect(collaborator.film.get_absolute_url()))
