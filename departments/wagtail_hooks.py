"""Site-group admin: the wrong/sensitive expression list, the publish-time check and its report."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.forms import CHECK_HOOK

from .content_check import find, page_texts
from .models import SensitiveExpression
from .views import ContentCheckReportView


class SensitiveExpressionViewSet(SnippetViewSet):
    model = SensitiveExpression
    icon = "warning"
    menu_label = "错敏字词"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["expression", "suggestion", "kind", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["expression", "suggestion", "note"]


register_snippet(SensitiveExpressionViewSet)


@hooks.register(CHECK_HOOK)
def refuse_wrong_expressions(page):
    """A page containing a listed expression cannot be published; the editor sees each word, where, and the fix."""
    return [finding.message() for finding in find(page_texts(page), SensitiveExpression.active_pairs())]


@hooks.register("register_admin_urls")
def content_check_urls():
    return [
        path("reports/content-check/", ContentCheckReportView.as_view(), name="content_check_report"),
        path(
            "reports/content-check/results/",
            ContentCheckReportView.as_view(results_only=True),
            name="content_check_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def content_check_menu_item():
    return MenuItem("错敏字检查", reverse("content_check_report"), icon_name="warning", order=900)
