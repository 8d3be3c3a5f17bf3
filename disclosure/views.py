"""Admin views of the disclosure platform: the annual report draft, and the dashboard's reminder of report deadlines."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component

from departments.ownership import department_of
from portal.report_drafts import DraftReportView

from .annual_report import default_year, draft_annual_report, existing_report, report_deadline
from .models import DisclosureCatalogPage

PANEL_CATALOGS = 12  # the dashboard names at most this many departments; the rest are counted


class DraftAnnualReportView(DraftReportView):
    """起草年度报告: drafts the department's report for a year and opens it in the editor."""

    page_title = "起草政府信息公开年度报告"
    header_icon = "doc-full"
    year_help_text = (
        "默认为最近一个还没有年度报告的年份；报告按国办公开办函〔2021〕30号的格式生成，发布后进入信息公开目录"
    )
    drafted_message = "已起草年度报告，请补充完善后提交审核。"
    existing_message = "该年度报告已存在，已为您打开。"

    def dispatch(self, request, catalog_id, *args, **kwargs):
        self.catalog = get_object_or_404(DisclosureCatalogPage, pk=catalog_id)
        self.department = department_of(self.catalog)
        if not self.catalog.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request, catalog_id, *args, **kwargs)

    def get_initial(self):
        return {"year": default_year(self.department, timezone.localdate())}

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_subtitle=self.department.title, **kwargs)

    def draft(self, year):
        return draft_annual_report(self.department, year)


class AnnualReportsPanel(Component):
    """The dashboard's reminder: each of the user's catalogs, the report it owes next, its deadline and a button."""

    name = "annual_reports"
    order = 45
    template_name = "disclosure/admin/annual_reports_panel.html"

    def __init__(self, rows, more):
        self.rows, self.more = rows, max(more, 0)

    @classmethod
    def for_user(cls, user):
        today = timezone.localdate()
        rows = []
        catalogs = DisclosureCatalogPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("path")
        permitted = [catalog for catalog in catalogs if catalog.permissions_for_user(user).can_add_subpage()]
        for catalog in permitted[:PANEL_CATALOGS]:
            department = department_of(catalog)
            if department is None:
                continue
            year = default_year(department, today)
            report = existing_report(department, year)
            due = report_deadline(year)
            rows.append(
                {
                    "department": department.title,
                    "year": year,
                    "due": due,
                    "overdue": due < today and not (report and report.live),
                    "report": report,
                    "url": reverse("draft_annual_report", args=[catalog.pk]),
                }
            )
        return cls(rows, len(permitted) - PANEL_CATALOGS) if rows else None

    def get_context_data(self, parent_context):
        return {"rows": self.rows, "more": self.more}
