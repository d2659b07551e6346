"""Public pages of people: the index, the person page and "This is me" (they combine people,
films and accounts, so they are composed here; the URLs keep the ``people`` namespace)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from filmfolio.accounts import services as account_services
from filmfolio.accounts.forms import ClaimForm
from filmfolio.core.errors import DomainError
from filmfolio.films.access import ViewerRequest
from filmfolio.people.models import Person

from . import people_pages as selectors


def index(request: ViewerRequest) -> HttpResponse:
    """People credited on listed films, paginated."""
    viewer = request.viewer
    page = selectors.people_page_for(viewer, page=request.GET.get("page"))
    return render(request, "people/index.html", {"page_obj": page})


def detail(request: ViewerRequest, slug: str) -> HttpResponse:
    """A person: names, biography, credits on listed films and their awards."""
    page = selectors.person_page_for(request.viewer, slug)
    if page is None:
        raise Http404
    return render(request, "people/detail.html", {"page": page, "person": page.person})


@login_required
def claim(request: ViewerRequest, slug: str) -> HttpResponse:
    """ "This is me": ask an administrator to link a person record to this account. Only a
    person the viewer may see listed can be claimed (the same answer as the person page)."""
    viewer = request.viewer
    person = Person.objects.filter(slug=slug).listed_for(viewer).first()
    if person is None:
        raise Http404
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account_services.person_claim_create(
                user=request.user, person=person, message=form.cleaned_data["message"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. An administrator will confirm your claim."))
            return redirect("accounts:profile")
    return render(request, "accounts/claim.html", {"form": form, "person": person})
