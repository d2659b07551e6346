"""The "Viewing reports" section of a film's studio, for its owners: each screener link's opens,
plays, furthest point, share and time watched, last viewing and devices (a page and a CSV);
campaigns (send links to a list of recipients, and each campaign's report and CSV).

Registered by ``SharingConfig.ready``; the studio lets in only viewers with ``Access.OWN``
(``films.screener_access.can_see_viewing_reports`` says the same for the API).
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy

from filmfolio.core.errors import DomainError
from filmfolio.films.access import Access
from filmfolio.films.studio import SECTIONS, Section
from filmfolio.films.studio.frame import render_section, show_domain_error

from . import campaigns, campaigns_lists, reports_selectors
from .campaigns_forms import CampaignForm

SENT_URLS_KEY = "filmfolio.campaign_urls"
PAGE_SIZE = 50


def _csv_response(text: str, filename: str) -> HttpResponse:
    """A CSV download, UTF-8 with a byte-order mark (so spreadsheets read Chinese names)."""
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def reports_page(request: HttpRequest, film: Any) -> HttpResponse:
    """Owners only: the report of every screener link of the film, and its campaigns."""
    page = Paginator(reports_selectors.film_link_reports_for(film), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "reports": page.object_list,
        "campaigns": reports_selectors.campaigns_for(film),
    }
    return render_section(request, film, "reports", "sharing/reports.html", context)


def reports_csv(request: HttpRequest, film: Any) -> HttpResponse:
    text = reports_selectors.reports_csv(reports_selectors.film_link_reports_for(film))
    stamp = timezone.now().strftime("%Y%m%d")
    return _csv_response(text, f"{film.slug}-viewing-report-{stamp}.csv")


def _recipients(form: CampaignForm) -> list[campaigns_lists.Recipient]:
    upload = form.cleaned_data.get("recipients_file")
    if upload is not None:
        text = campaigns_lists.decode_list(upload.read(campaigns_lists.MAX_LIST_BYTES + 1))
    else:
        text = form.cleaned_data["recipients_text"]
    return campaigns_lists.parse_recipients(text)


def campaign_new(request: HttpRequest, film: Any) -> HttpResponse:
    """Owners only: send screener links to a pasted or uploaded list (all or nothing)."""
    form = CampaignForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            campaign, sent = campaigns.campaign_create(
                film=film,
                actor=request.user,
                name=form.cleaned_data["name"],
                recipients=_recipients(form),
                controls=form.controls(),
                base_url=request.build_absolute_uri("/"),
            )
        except DomainError as error:
            show_domain_error(form, error)
        else:
            request.session[SENT_URLS_KEY] = {
                "campaign": campaign.pk,
                "urls": [[item.link.pk, item.url] for item in sent],
            }
            return redirect("studio:campaign_report", slug=film.slug, campaign_id=campaign.pk)
    status = 400 if form.is_bound else 200
    context = {"form": form}
    return render_section(request, film, "reports", "sharing/campaign_new.html", context, status)


def _campaign(film: Any, campaign_id: int) -> Any:
    campaign = film.campaigns.filter(pk=campaign_id).first()
    if campaign is None:
        raise Http404
    return campaign


def campaign_report(request: HttpRequest, film: Any, campaign_id: int) -> HttpResponse:
    """Owners only: each recipient of a campaign, opened or not, share watched, last viewing;
    right after sending, each recipient's link (shown this once)."""
    campaign = _campaign(film, campaign_id)
    sent = request.session.get(SENT_URLS_KEY) or {}
    urls: dict[int, str] = {}
    if sent.get("campaign") == campaign.pk:
        urls = {int(link_id): url for link_id, url in sent["urls"]}
        del request.session[SENT_URLS_KEY]
    reports = reports_selectors.campaign_reports_for(campaign)
    rows = [(report, urls.get(report.link.pk, "")) for report in reports]
    context = {"campaign": campaign, "rows": rows, "shown_once": bool(urls)}
    return render_section(request, film, "reports", "sharing/campaign_report.html", context)


def campaign_csv(request: HttpRequest, film: Any, campaign_id: int) -> HttpResponse:
    campaign = _campaign(film, campaign_id)
    text = reports_selectors.reports_csv(reports_selectors.campaign_reports_for(campaign))
    return _csv_response(text, f"{film.slug}-campaign-{campaign.pk}.csv")


def register() -> None:
    """Add the section to the studio."""
    SECTIONS.register(
        Section(
            key="reports",
            order=210,
            label=gettext_lazy("Viewing reports"),
            view=reports_page,
            need=Access.OWN,
            urls=(
                path("report.csv", reports_csv, name="reports_csv"),
                path("campaigns/new/", campaign_new, name="campaign_new"),
                path("campaigns/<int:campaign_id>/", campaign_report, name="campaign_report"),
                path("campaigns/<int:campaign_id>/report.csv", campaign_csv, name="campaign_csv"),
            ),
        )
    )
