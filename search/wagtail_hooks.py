"""Admin: the query-log reports under 报表 (Reports)."""

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.reports import report_urls

from .reports import PopularQueriesView, ZeroResultQueriesView


@hooks.register("register_admin_urls")
def query_report_urls():
    return report_urls("popular-queries", PopularQueriesView, "popular_queries_report") + report_urls(
        "zero-result-queries", ZeroResultQueriesView, "zero_result_queries_report"
    )


class QueryLogMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchlog")


@hooks.register("register_reports_menu_item")
def popular_queries_menu_item():
    return QueryLogMenuItem("热门搜索词", reverse("popular_queries_report"), icon_name="search", order=860)


@hooks.register("register_reports_menu_item")
def zero_result_queries_menu_item():
    return QueryLogMenuItem("无结果搜索词", reverse("zero_result_queries_report"), icon_name="search", order=861)
