"""Pages of people: the index, the person page, the person picker's candidates, merging."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from filmfolio.accounts import services as account_services
from filmfolio.accounts.forms import ClaimForm
from filmfolio.core.errors import DomainError
from filmfolio.sharing import access

from . import selectors, services
from .models import Person


def index(request: HttpRequest) -> HttpResponse:
    """People credited on listed films, paginated."""
    viewer = access.viewer_for(request)
    page = selectors.people_page_for(viewer, page=request.GET.get("page"))
    return render(request, "people/index.html", {"page_obj": page})


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A person: names, biography, credits on listed films and their awards."""
    viewer = access.viewer_for(request)
    page = selectors.person_page_for(viewer, slug)
    if page is None:
        moved = access.listed_people(viewer, Person.objects.filter(slug_redirects__old_slug=slug))
        kept = moved.only("slug").first()
        if kept is None:
            raise Http404
        return redirect(kept, permanent=True)
    can_merge = viewer.is_authenticated and access.may_merge_person_away(viewer, page.person)
    context = {"page": page, "person": page.person, "can_merge": can_merge}
    return render(request, "people/detail.html", context)


@require_GET
@login_required
def lookup(request: HttpRequest) -> JsonResponse:
    """Candidates of the person picker for ``q``: people the viewer may credit (listed for
    them, or credited nowhere yet: ``access.creditable_people``) whose written forms match
    (``services.people_matching``), each with its names and films, and the explicit choice of
    creating a new person so named. ``exclude`` leaves one person out (the person being merged
    away)."""
    viewer = access.viewer_for(request)
    name = " ".join(request.GET.get("q", "").split())[: services.MAX_NAME_LENGTH]
    creditable = access.creditable_people(viewer, Person.objects.all())
    excluded = request.GET.get("exclude", "")
    if excluded.isdigit():
        creditable = creditable.exclude(pk=int(excluded))
    people = services.people_matching(name=name, among=creditable)
    create = {"name": name, "label": _("Create a new person: %(name)s") % {"name": name}}
    return JsonResponse(
        {
            "results": selectors.person_candidates_for(viewer, people),
            "create": create if name else None,
        }
    )


@login_required
def claim(request: HttpRequest, slug: str) -> HttpResponse:
    """ "This is me": ask an administrator to link a person record to this account. Only a
    person the viewer may see listed can be claimed (the same answer as the person page)."""
    viewer = access.viewer_for(request)
    person = access.listed_people(viewer, Person.objects.filter(slug=slug)).first()
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
    return access.creditable_people(viewer, chosen).first()


@login_required
def merge(request: HttpRequest, slug: str) -> HttpResponse:
    """Merge this person into another record: pick the person to keep, see what moves,
    confirm. Only for those ``access.may_merge_person_away`` allows (404 for anyone else)."""
    viewer = access.viewer_for(request)
    remove = access.listed_people(viewer, Person.objects.filter(slug=slug)).first()
    if remove is None or not access.may_merge_person_away(viewer, remove):
        raise Http404
    keep = _keep_for(viewer, remove, request.POST.get("keep") or request.GET.get("keep"))
    if request.method == "POST" and keep is not None:
        try:
            services.person_merge(keep=keep, remove=remove, actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(removed)s is now part of %(kept)s; the old address leads here.")
                % {"removed": remove.display_name, "kept": keep.display_name},
            )
            return redirect(keep)
    creditable = access.creditable_people(viewer, Person.objects.exclude(pk=remove.pk))
    context = {
        "remove": remove,
        "keep": keep,
        "plan": services.person_merge_plan(keep=keep, remove=remove) if keep else None,
        "candidates": services.people_matching(name=remove.display_name, among=creditable),
    }
    return render(request, "people/merge.html", context)
