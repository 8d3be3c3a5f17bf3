"""Admin for the disclosure platform: the annual report draft (a button on the catalog's page, a dashboard panel with
the deadlines), and what the front cache refreshes for an entry."""

from django.conf import settings
from django.urls import path, reverse
from django.utils import translation

from wagtail import hooks
from wagtail.admin.widgets import Button

from departments.ownership import department_of
from portal.hooks import FRONT_CACHE_PAGES_SHOWING, WEBSITE_REPORT_FIGURES

from .models import DisclosureCatalogPage, DisclosureEntryPage, DisclosureIndexPage
from .taxonomy import Genre
from .views import AnnualReportsPanel, DraftAnnualReportView


@hooks.register("register_admin_urls")
def annual_report_urls():
    return [
        path("disclosure/<int:catalog_id>/annual-report/", DraftAnnualReportView.as_view(), name="draft_annual_report"),
    ]


@hooks.register("register_page_header_buttons")
def draft_annual_report_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, DisclosureCatalogPage) and page.permissions_for_user(user).can_add_subpage():
        yield Button("起草年度报告", reverse("draft_annual_report", args=[page.pk]), icon_name="doc-full", priority=60)


@hooks.register("construct_homepage_panels")
def annual_reports_panel(request, panels):
    panel = AnnualReportsPanel.for_user(request.user)
    if panel is not None:
        panels.append(panel)


@hooks.register(FRONT_CACHE_PAGES_SHOWING)
def catalogs_and_feeds(page):
    """An entry is also listed by the central catalog and the city's and its department's feeds."""
    if not isinstance(page, DisclosureEntryPage):
        return []
    department = department_of(page)
    with translation.override(page.locale.language_code):
        feeds = [reverse("disclosure_rss"), reverse("disclosure_atom")]
        if department:
            feeds += [reverse(f"department_disclosure_{kind}", args=[department.code]) for kind in ("rss", "atom")]
    return [*DisclosureIndexPage.objects.live().filter(locale_id=page.locale_id), *feeds]


@hooks.register(WEBSITE_REPORT_FIGURES)
def website_report_figures(year):
    """政府网站工作年度报表: catalog entries and policy interpretations published in the year."""
    entries = DisclosureEntryPage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE, first_published_at__year=year
    )
    return {"disclosure": entries.count(), "interpretations": entries.filter(genre=Genre.INTERPRETATION).count()}
