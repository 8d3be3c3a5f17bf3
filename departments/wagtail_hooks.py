"""Site-group admin: the wrong/sensitive expression list, the checks before publishing on every path that
publishes, the 三审 rule, and the reports."""

from django.conf import settings
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.hooks import CHECK_PAGE_BEFORE_PUBLISH, REFUSE_GOING_LIVE_AT, WEBSITE_REPORT_FIGURES
from portal.reports import report_urls

from .access import is_portal_admin
from .central_review import refuse_going_live_past_the_centre
from .content_check import find, page_texts
from .models import ArticlePage, SensitiveExpression
from .publishing import CheckedPagesAdminAPIViewSet, CheckedPageViewSet, refuse_bulk_publishing
from .views import ContentCheckReportView, OnboardDepartmentsView
from .visibility import PAGE_BULK_ACTIONS, choosable_pages


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


@hooks.register(CHECK_PAGE_BEFORE_PUBLISH)
def refuse_wrong_expressions(page, parent):
    """A page containing a listed expression cannot go out; the editor sees each word, where, and the fix."""
    return [finding.message() for finding in find(page_texts(page), SensitiveExpression.active_pairs())]


hooks.register(REFUSE_GOING_LIVE_AT, refuse_going_live_past_the_centre)
hooks.register("before_bulk_action", refuse_bulk_publishing)


@hooks.register("register_admin_viewset")
def checked_page_views():
    return CheckedPageViewSet()


@hooks.register("construct_admin_api")
def checked_admin_api(router):
    router.register_endpoint("pages", CheckedPagesAdminAPIViewSet)


hooks.register("construct_page_chooser_queryset", choosable_pages)
for bulk_action in PAGE_BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action, order=1)  # after Wagtail's own, which they replace


@hooks.register("register_admin_urls")
def site_group_urls():
    return [
        path("departments/onboard/", OnboardDepartmentsView.as_view(), name="onboard_departments"),
        *report_urls("content-check", ContentCheckReportView, "content_check_report"),
    ]


@hooks.register("register_reports_menu_item")
def content_check_menu_item():
    return MenuItem("错敏字检查", reverse("content_check_report"), icon_name="warning", order=900)


class PortalAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return is_portal_admin(request.user)


@hooks.register("register_settings_menu_item")
def onboarding_menu_item():
    return PortalAdminMenuItem("部门入驻", reverse("onboard_departments"), icon_name="group", order=50)


@hooks.register(WEBSITE_REPORT_FIGURES)
def website_report_figures(year):
    """政府网站工作年度报表: 政务动态, the departments' articles published in the year."""
    articles = ArticlePage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
    return {"news": articles.filter(first_published_at__year=year).count()}
