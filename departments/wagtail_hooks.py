"""Site-group admin: the wrong/sensitive expression list, the checks before publishing, and their report."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.forms import CHECK_HOOK

from .access import is_central, is_portal_admin
from .content_check import find, page_texts
from .models import SensitiveExpression
from .views import ContentCheckReportView, OnboardDepartmentsView
from .workflows import needs_central_review

CENTRAL_REVIEW_REQUIRED = "本栏目实行三审制，须经门户审核后发布：请使用“提交审核”。"


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
def refuse_wrong_expressions(page, form):
    """A page containing a listed expression cannot go out; the editor sees each word, where, and the fix."""
    return [finding.message() for finding in find(page_texts(page), SensitiveExpression.active_pairs())]


def workflow_page(page, form):
    """The page whose workflow applies: the page itself, or for a page being created, its parent."""
    return page if page.pk else form.parent_page


@hooks.register(CHECK_HOOK)
def refuse_direct_publishing_past_central_review(page, form):
    """Where the centre reviews (三审), only the centre may publish directly; departments submit."""
    direct = form.publishing_action() == "publish"
    if direct and not is_central(form.for_user) and needs_central_review(workflow_page(page, form)):
        return [CENTRAL_REVIEW_REQUIRED]
    return []


@hooks.register("construct_page_action_menu")
def hide_publish_where_the_centre_reviews(menu_items, request, context):
    page = context.get("page") or context.get("parent_page")
    if page is not None and not is_central(request.user) and needs_central_review(page):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_past_central_review(request, action_type, objects, action_class_instance):
    if action_type == "publish" and not is_central(request.user) and any(map(needs_central_review, objects)):
        messages.error(request, CENTRAL_REVIEW_REQUIRED)
        return redirect(request.GET.get("next") or "wagtailadmin_home")
    return None


@hooks.register("register_admin_urls")
def site_group_urls():
    return [
        path("departments/onboard/", OnboardDepartmentsView.as_view(), name="onboard_departments"),
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


class PortalAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return is_portal_admin(request.user)


@hooks.register("register_settings_menu_item")
def onboarding_menu_item():
    return PortalAdminMenuItem("部门入驻", reverse("onboard_departments"), icon_name="group", order=50)
