"""Admin for online services: the ten-element check before publishing, and its report."""

from django.conf import settings
from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from departments.ownership import owning_department
from portal.hooks import CHECK_PAGE_BEFORE_PUBLISH, FRONT_CACHE_PAGES_SHOWING, WEBSITE_REPORT_FIGURES
from portal.reports import report_urls

from .completeness import incomplete_message
from .models import ServiceIndexPage, ServiceItemPage
from .views import IncompleteItemsReportView


@hooks.register(CHECK_PAGE_BEFORE_PUBLISH)
def refuse_incomplete_service_items(page, parent):
    """An item goes out only with all ten elements of a service guide; the editor is told which are missing."""
    if not isinstance(page, ServiceItemPage):
        return []
    missing = page.missing_elements(owning_department(parent.get_ancestors(inclusive=True)))
    return [incomplete_message(missing)] if missing else []


@hooks.register("register_admin_urls")
def services_urls():
    return report_urls("service-items", IncompleteItemsReportView, "incomplete_items_report")


@hooks.register("register_reports_menu_item")
def incomplete_items_menu_item():
    return MenuItem("办事指南要素检查", reverse("incomplete_items_report"), icon_name="tasks", order=850)


@hooks.register(FRONT_CACHE_PAGES_SHOWING)
def city_wide_list(page):
    """A service item is also listed by the city-wide 办事事项 list."""
    if not isinstance(page, ServiceItemPage):
        return []
    return ServiceIndexPage.objects.live().filter(locale_id=page.locale_id)


@hooks.register(WEBSITE_REPORT_FIGURES)
def website_report_figures(year):
    """政府网站工作年度报表: the live service items, and those with every procedure online (全程网办)."""
    items = ServiceItemPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).only("procedures")
    online = 0
    for item in items:
        procedures = [block.value for block in item.procedures]
        online += bool(procedures) and all(procedure.get("online_url") for procedure in procedures)
    return {"service_items": len(items), "online_items": online}
