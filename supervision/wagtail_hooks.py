"""Admin for 网上监察: the column monitor's report (Reports → 栏目更新监测) and its dashboard panel."""

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.reports import report_urls

from .views import TimelinessPanel, TimelinessReportView


@hooks.register("register_admin_urls")
def timeliness_urls():
    return report_urls("timeliness", TimelinessReportView, "timeliness_report")


@hooks.register("register_reports_menu_item")
def timeliness_menu_item():
    return MenuItem("栏目更新监测", reverse("timeliness_report"), icon_name="time", order=800)


@hooks.register("construct_homepage_panels")
def timeliness_panel(request, panels):
    panels.append(TimelinessPanel(request.user))
