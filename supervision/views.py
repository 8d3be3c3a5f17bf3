"""Admin views of 网上监察: the column monitor's report (栏目更新监测) and its dashboard panel."""

from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import ReportView

from .columns import report


class TimelinessReportView(ReportView):
    """Every column the user answers for: last update, days since, threshold, due date, and the site verdict."""

    page_title = "栏目更新监测"
    header_icon = "time"
    index_url_name = "timeliness_report"
    index_results_url_name = "timeliness_report_results"
    results_template_name = "supervision/timeliness_report_results.html"
    paginate_by = 200
    list_export = [
        "page.title",
        "department",
        "column_type_label",
        "last_update",
        "days_since",
        "threshold",
        "due",
        "state",
    ]
    export_headings = {
        "page.title": "栏目",
        "department": "部门",
        "column_type_label": "栏目类型",
        "last_update": "最近更新",
        "days_since": "距今天数",
        "threshold": "更新期限（天）",
        "due": "到期日",
        "state": "状态",
    }

    def get_queryset(self):
        statuses, self.verdict = report(self.request.user)
        return sorted(statuses, key=lambda status: (status.state == "ok", status.due or status.today))

    def get_context_data(self, **kwargs):
        return super().get_context_data(verdict=self.verdict, **kwargs)


class TimelinessPanel(Component):
    """The dashboard's summary: how many columns are overdue or empty, and the verdict."""

    name = "timeliness"
    order = 50
    template_name = "supervision/timeliness_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        statuses, result = report(self.user)
        return {
            "overdue": sum(status.state == "stale" for status in statuses),
            "empty": sum(status.state == "empty" for status in statuses),
            "verdict": result,
        }
