"""Site-group admin: the wrong/sensitive expression list, the checks before publishing, and their report."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.forms import CHECK_HOOK, pages_to_bulk_publish, refuse
from home.reports import report_urls

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


def publishes_past_central_review(user, pages):
    """Whether publishing these pages would skip the centre's review (三审) for this user."""
    return not is_central(user) and any(map(needs_central_review, pages))


def workflow_page(page, form):
    """The page whose workflow applies: the page itself, or for a page being created, its parent."""
    return page if page.pk else form.parent_page


@hooks.register(CHECK_HOOK)
def refuse_direct_publishing_past_central_review(page, form):
    """Where the centre reviews (三审), only the centre may publish directly; departments submit."""
    direct = form.publishing_action() == "publish"
    if direct and publishes_past_central_review(form.for_user, [workflow_page(page, form)]):
        return [CENTRAL_REVIEW_REQUIRED]
    return []


@hooks.register("construct_page_action_menu")
def hide_publish_where_the_centre_reviews(menu_items, request, context):
    page = context.get("page") or context.get("parent_page")
    if page is not None and publishes_past_central_review(request.user, [page]):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def check_bulk_publishing(request, action_type, objects, action):
    """Bulk publishing follows the same rules as the editor's publish button, descendants included."""
    pages = pages_to_bulk_publish(action_type, objects, action)
    if not pages:
        return None
    if publishes_past_central_review(request.user, pages):
        return refuse(request, [CENTRAL_REVIEW_REQUIRED], action.next_url)
    expressions = SensitiveExpression.active_pairs()
    findings = [
        f"“{page.title}” {finding.message()}"
        for page in pages
        for finding in find(page_texts(page.get_latest_revision_as_object()), expressions)
    ]
    return refuse(request, findings, action.next_url) if findings else None


@hooks.register("before_copy_page")
def check_copy_into_centrally_reviewed_column(request, page):
    """A published copy or alias placed in a 三审 column would skip the centre's review."""
    publishes = request.POST.get("publish_copies") or request.POST.get("alias")
    parent_id = request.POST.get("new_parent_page", "")
    if request.method != "POST" or not publishes or not page.live or not parent_id.isdigit():
        return None
    parent = Page.objects.filter(pk=parent_id).first()
    if parent is not None and publishes_past_central_review(request.user, [parent]):
        return refuse(request, [CENTRAL_REVIEW_REQUIRED], reverse("wagtailadmin_pages:copy", args=[page.pk]))
    return None


@hooks.register("before_move_page")
def check_move_into_centrally_reviewed_column(request, page, destination):
    """Moving a live page into a 三审 column would publish it there without the centre's review."""
    if page.live and not needs_central_review(page) and publishes_past_central_review(request.user, [destination]):
        return refuse(request, [CENTRAL_REVIEW_REQUIRED], reverse("wagtailadmin_pages:move", args=[page.pk]))
    return None


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
