"""Back office for 公众互动: the case list and handling, monthly statistics, and figures for annual reports."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from portal.hooks import DISCLOSURE_REQUEST_FIGURES, HOLIDAYS_CHANGED, WEBSITE_REPORT_FIGURES

from . import questions  # noqa: F401 (registers the hook that takes questions posted to a page)
from .access import actor_for
from .filters import CaseFilterSet
from .models import Case
from .permissions import CasePermissionPolicy
from .reports import letter_figures, recompute_open_deadlines, request_figures
from .views import CaseIndexView, CaseInspectView, CasesPanel, StatisticsView

register_permission_policy(Case, CasePermissionPolicy(Case))


class CaseViewSet(ModelViewSet):
    model = Case
    icon = "mail"
    menu_label = "来信办理"
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = CaseIndexView
    inspect_view_class = CaseInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["title", "tracking_code", "kind", "status", "department", "submitted_at", "due_on", "flag_labels"]
    inspect_view_fields = [
        *["tracking_code", "kind", "category", "status", "department", "requested_department", "due_on", "extended"],
        *["name", "honorific", "phone", "email", "applicant_type", "id_type", "id_number", "address"],
        *["title", "content", "purpose", "delivery_form", "delivery_method", "publish_consent", "submitted_at"],
        *["reply", "outcome", "replied_at", "closed_at", "satisfaction", "rated_at", "published_at"],
    ]
    filterset_class = CaseFilterSet
    search_fields = ["tracking_code", "title", "name", "phone"]
    search_backend_name = None  # plain database lookups: cases are not in the site's search index

    def get_urlpatterns(self):
        """The list and the case page only: a case changes through workflow actions, never a generic form."""
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
        ]


@hooks.register("register_admin_viewset")
def case_viewset():
    return CaseViewSet("cases")


@hooks.register("register_admin_urls")
def statistics_urls():
    return [path("interaction/statistics/", StatisticsView.as_view(), name="interaction_statistics")]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return actor_for(request.user).is_staff


@hooks.register("register_reports_menu_item")
def statistics_menu_item():
    return StaffMenuItem("来信办理统计", reverse("interaction_statistics"), icon_name="table", order=950)


@hooks.register("construct_homepage_panels")
def cases_panel(request, panels):
    actor = actor_for(request.user)
    if actor.is_staff:
        panels.append(CasesPanel(actor))


@hooks.register(DISCLOSURE_REQUEST_FIGURES)
def disclosure_request_figures(department, year, departments=None):
    return request_figures(department, year, departments)


@hooks.register(HOLIDAYS_CHANGED)
def holidays_changed(years):
    recompute_open_deadlines()


@hooks.register(WEBSITE_REPORT_FIGURES)
def website_report_figures(year):
    return letter_figures(year)
