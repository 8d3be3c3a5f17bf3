"""Admin for the disclosure platform: the timeliness report and its dashboard panel."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import TimelinessPanel, TimelinessReportView


@hooks.register("register_admin_urls")
def timeliness_urls():
    return [
        path("reports/timeliness/", TimelinessReportView.as_view(), name="timeliness_report"),
        path(
            "reports/timeliness/results/",
            TimelinessReportView.as_view(results_only=True),
            name="timeliness_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def timeliness_menu_item():
    return MenuItem("栏目更新监测", reverse("timeliness_report"), icon_name="time", order=800)


@hooks.register("construct_homepage_panels")
def timeliness_panel(request, panels):
    panels.append(TimelinessPanel(request.user))
