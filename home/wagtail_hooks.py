"""Admin for the shared snippets of the portal, and the website's annual report."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import PERMISSION, DraftWebsiteReportView
from .models import Office


class OfficeViewSet(SnippetViewSet):
    model = Office
    icon = "site"
    menu_label = "办事地点"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "district", "address", "phone"]
    list_filter = ["district"]
    search_fields = ["name", "address"]


register_snippet(OfficeViewSet)


@hooks.register("register_admin_urls")
def website_report_urls():
    return [path("website-report/", DraftWebsiteReportView.as_view(), name="draft_website_report")]


class WebsiteReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def website_report_menu_item():
    return WebsiteReportMenuItem("政府网站年度报表", reverse("draft_website_report"), icon_name="table", order=960)
