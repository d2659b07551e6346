"""Pages of people: the index, the person page, "This is me", the person picker's candidates
and merging two people (they combine people, films and accounts, so they are composed here;
the URLs keep the ``people`` namespace)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from filmfolio.accounts import services as account_services
from filmfolio.accounts.forms import ClaimForm
from filmfolio.core.errors import DomainError
from filmfolio.films import access, person_access
from filmfolio.films import services as film_services
from filmfolio.films.access import ViewerRequest
from filmfolio.people import services as people_services
from filmfolio.people.models import Person

from . import people_pages as selectors


def index(request: ViewerRequest) -> HttpResponse:
    """People credited on listed films, paginated."""
    viewer = request.viewer
    page = selectors.people_page_for(viewer, page=request.GET.get("page"))
    return render(request, "people/index.html", {"page_obj": page})


def detail(request: ViewerRequest, slug: str) -> HttpResponse:
    """A person: names, biography, credits on listed films and their awards. The old address
    of a merged person answers 301 with the kept person's page (if the viewer may see it)."""
    viewer = request.viewer
    page = selectors.person_page_for(viewer, slug)
    if page is None:
        moved = Person.objects.filter(slug_redirects__old_slug=slug).listed_for(viewer)
        kept = moved.only("slug").first()
        if kept is None:
            raise Http404
        return redirect(kept, permanent=True)
    signed_in = viewer.is_authenticated
    context = {
        "page": page,
        "person": page.person,
        "can_merge": signed_in and person_access.may_merge_person_away(viewer, page.person),
        "can_edit": signed_in and person_access.may_edit_person(viewer, page.person),
    }
    return render(request, "people/detail.html", context)


@require_GET
@login_required
def lookup(request: ViewerRequest) -> JsonResponse:
    """Candidates of the person picker for ``q``: people the viewer may credit (listed for
    them, or credited nowhere yet: ``Person.objects.creditable_by``) whose written forms match
    (``people.services.people_matching``), each with its names and films, and the explicit
    choice of creating a new person so named. ``exclude`` leaves one person out (the person
    being merged away)."""
    viewer = request.viewer
    name = " ".join(request.GET.get("q", "").split())[: people_services.MAX_NAME_LENGTH]
    creditable = Person.objects.creditable_by(viewer)
    excluded = request.GET.get("exclude", "")
    if excluded.isdigit():
        creditable = creditable.exclude(pk=int(excluded))
    people = people_services.people_matching(name=name, among=creditable)
    create = {"name": name, "label": _("Create a new person: %(name)s") % {"name": name}}
    return JsonResponse(
        {
            "results": selectors.person_candidates_for(viewer, people),
            "create": create if name else None,
        }
    )


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


def _keep_for(viewer: access.Viewer, remove: Person, value: str | None) -> Person | None:
    """The person chosen to keep (by id), if the viewer may credit them."""
    if not value or not value.isdigit():
        return None
    chosen = Person.objects.filter(pk=int(value)).exclude(pk=remove.pk)
    return chosen.creditable_by(viewer).first()


@login_required
def merge(request: ViewerRequest, slug: str) -> HttpResponse:
    """Merge this person into another record: pick the person to keep, see what moves,
    confirm. Only for those ``person_access.may_merge_person_away`` allows (404 for anyone else)."""
    viewer = request.viewer
    remove = Person.objects.filter(slug=slug).listed_for(viewer).first()
    if remove is None or not person_access.may_merge_person_away(viewer, remove):
        raise Http404
    keep = _keep_for(viewer, remove, request.POST.get("keep") or request.GET.get("keep"))
    if request.method == "POST" and keep is not None:
        try:
            film_services.person_merge(keep=keep, remove=remove, actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(removed)s is now part of %(kept)s; the old address leads here.")
                % {"removed": remove.display_name, "kept": keep.display_name},
            )
            return redirect(keep)
    creditable = Person.objects.exclude(pk=remove.pk).creditable_by(viewer)
    plan = film_services.person_merge_plan(keep=keep, remove=remove) if keep else None
    context = {
        "remove": remove,
        "keep": keep,
        "plan": plan,
        "candidates": people_services.people_matching(name=remove.display_name, among=creditable),
    }
    return render(request, "people/merge.html", context)
