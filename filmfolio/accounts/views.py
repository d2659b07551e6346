"""Account pages: sign up, log in with a rate limit, password reset, profile and claims."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from filmfolio.core.errors import DomainError

from . import services, throttling
from .choices import ClaimStatus
from .forms import SignupForm
from .models import PersonClaim

TOO_MANY = throttling.TOO_MANY
CLAIM_DECIDED = {
    True: gettext_lazy("Confirmed: the person page now belongs to that account."),
    False: gettext_lazy("Declined: the person page stays unclaimed."),
}


def signup(request: HttpRequest) -> HttpResponse:
    """Open an account: the same answer whether or not the address is registered (an e-mail
    goes to the address either way), a few attempts per client address an hour."""
    form = SignupForm(request.POST or None)
    if request.method == "POST":
        address = throttling.client_address(request)
        if throttling.SIGNUPS.is_blocked(address):
            form.errors.clear()
            form.add_error(None, TOO_MANY)
            return render(request, "accounts/signup.html", {"form": form}, status=429)
        throttling.SIGNUPS.hit(address)
    if request.method == "POST" and form.is_valid():
        next_url = str(request.POST.get("next", ""))
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
            next_url = ""
        services.user_signup(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            next_url=next_url,
        )
        return redirect("accounts:signup_sent")
    return render(request, "accounts/signup.html", {"form": form})


def signup_sent(request: HttpRequest) -> HttpResponse:
    """ "Check your e-mail", after every sign-up."""
    return render(request, "accounts/signup_sent.html")


def signup_confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The link of the confirmation e-mail: activates the account, then asks to log in (a link
    opened by a mail scanner must not leave it with a session)."""
    user = services.user_signup_confirm(uidb64=uidb64, token=token)
    if user is None:
        return render(request, "accounts/signup_invalid.html", status=404)
    messages.success(request, _("Your account is ready. Welcome to Filmfolio: please log in."))
    login_url = reverse("accounts:login")
    next_url = str(request.GET.get("next", ""))
    if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        login_url += "?" + urlencode({"next": next_url})
    return redirect(login_url)


class ThrottledLoginView(auth_views.LoginView):
    """Django's login refusing further attempts after too many failures."""

    template_name = "registration/login.html"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if throttling.LOGIN_FAILURES.is_blocked(request, self._account(request)):
            form = self.get_form()
            form.errors.clear()
            form.add_error(None, TOO_MANY)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        throttling.LOGIN_FAILURES.hit(self.request, self._account(self.request))
        return super().form_invalid(form)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        throttling.LOGIN_FAILURES.reset(self._account(self.request))
        return super().form_valid(form)

    @staticmethod
    def _account(request: HttpRequest) -> str:
        """The account a login attempt is for (counted whatever the client address)."""
        username = str(request.POST.get("username", ""))[:150].strip()
        return f"account:{username}" if username else ""


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, at most a few e-mails per address and client per hour."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        address = throttling.client_address(request)
        email = str(request.POST.get("email", ""))[:254]
        if throttling.PASSWORD_RESETS.is_blocked(address, email):
            form = self.get_form()
            form.errors.clear()
            form.add_error(None, TOO_MANY)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        throttling.PASSWORD_RESETS.hit(address, email)
        return super().post(request, *args, **kwargs)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """The user's account: linked person, pending claims, films."""
    user: Any = request.user
    claims = PersonClaim.objects.filter(user=user).select_related("person")
    collaborations = user.collaborations.select_related("film").order_by("film__title")
    return render(
        request,
        "accounts/profile.html",
        {
            "person": getattr(user, "person", None),
            "claims": claims,
            "collaborations": collaborations,
        },
    )


@login_required
def claims_review(request: HttpRequest) -> HttpResponse:
    """Administrators: the pending claims, each with confirm and decline buttons."""
    if not (request.user.is_staff or request.user.is_superuser):
        raise Http404
    claims = PersonClaim.objects.filter(status=ClaimStatus.PENDING).select_related("person", "user")
    return render(request, "accounts/claims_review.html", {"claims": claims})


@require_POST
@login_required
def claim_decide(request: HttpRequest, claim_id: int) -> HttpResponse:
    """Administrators: confirm or decline one claim."""
    if not (request.user.is_staff or request.user.is_superuser):
        raise PermissionDenied
    approve = request.POST.get("decision") == "approve"
    try:
        services.person_claim_decide(claim_id=claim_id, actor=request.user, approve=approve)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, CLAIM_DECIDED[approve])
    return redirect(reverse("accounts:claims_review"))
