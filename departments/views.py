"""Admin views of the site group: the content-check report."""

from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .content_check import find, page_texts
from .models import SensitiveExpression


class ContentCheckReportView(ReportView):
    """Every live page the user may edit that contains a listed wrong or sensitive expression."""

    page_title = "错敏字检查"
    header_icon = "warning"
    index_url_name = "content_check_report"
    index_results_url_name = "content_check_report_results"
    results_template_name = "departments/content_check_report_results.html"
    list_export = ["page_title", "url_path", "field", "expression", "suggestion", "context"]
    export_headings = {
        "page_title": "页面",
        "url_path": "路径",
        "field": "位置",
        "expression": "错敏表述",
        "suggestion": "建议改为",
        "context": "上下文",
    }

    def get_queryset(self):
        expressions = SensitiveExpression.active_pairs()
        if not expressions:
            return []
        editable = PagePermissionPolicy().instances_user_has_permission_for(self.request.user, "change")
        rows = []
        for page in editable.live().specific().order_by("path"):
            for finding in find(page_texts(page), expressions):
                rows.append(
                    {
                        "page": page,
                        "page_title": page.title,
                        "url_path": page.url_path,
                        "field": finding.field,
                        "expression": finding.expression,
                        "suggestion": finding.suggestion,
                        "context": finding.context,
                    }
                )
        return rows
