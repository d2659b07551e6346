"""Personal API token pages: list, create (the key is shown once) and revoke.

Linked from the profile page (owned by the sharing app) at ``/api/tokens/``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from filmfolio.core.errors import DomainError, ValidationFailedError

from .choices import TokenScope
from .models import ApiToken
from .services.tokens import DEFAULT_LIFETIME_DAYS, api_token_create, api_token_revoke

LIFETIME_CHOICES = [
    (7, gettext_lazy("7 days")),
    (30, gettext_lazy("30 days")),
    (90, gettext_lazy("90 days")),
    (365, gettext_lazy("1 year")),
]


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("What the token is for, e.g. “catalogue sync script”."),
    )
    scope = forms.ChoiceField(
        label=gettext_lazy("May"),
        choices=TokenScope.choices,
        initial=TokenScope.READ,
        widget=forms.RadioSelect,
    )
    lifetime_days = forms.TypedChoiceField(
        label=gettext_lazy("Expires after"),
        choices=LIFETIME_CHOICES,
        coerce=int,
        initial=DEFAULT_LIFETIME_DAYS,
    )


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """List the user's tokens; a POST creates one and shows its key this once."""
    user: Any = request.user  # login_required: a User
    form = TokenForm(request.POST or None)
    new_key, new_token = None, None
    if request.method == "POST" and form.is_valid():
        try:
            new_token, new_key = api_token_create(user=user, **form.cleaned_data)
        except ValidationFailedError as exc:
            form.add_error("name", exc.message)
        else:
            form = TokenForm()
    context = {
        "form": form,
        "new_key": new_key,
        "new_token": new_token,
        "tokens": ApiToken.objects.filter(user=user),
    }
    status = 400 if form.errors else 200
    return render(request, "api/tokens.html", context, status=status)


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    """Revoke one of the user's tokens."""
    try:
        token = api_token_revoke(token_id=token_id, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("api-tokens")
