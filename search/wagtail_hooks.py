"""Admin: the query-log reports under 报表 (Reports), and editors' pins and blocks of 热门搜索 under 设置."""

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.reports import report_urls

from .models import HotSearchTerm, Synonym
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


class HotSearchTermViewSet(SnippetViewSet):
    model = HotSearchTerm
    icon = "pick"
    menu_label = "热门搜索词管理"
    add_to_settings_menu = True
    list_display = ["query", "action", "language", "sort_order", "note"]
    list_filter = ["action", "language"]
    search_fields = ["query", "note"]


register_snippet(HotSearchTermViewSet)


class SynonymViewSet(SnippetViewSet):
    """同义词: the ways citizens ask for a matter, kept by the portal's editors (设置 → 同义词)."""

    model = Synonym
    icon = "list-ul"
    menu_label = "同义词"
    add_to_settings_menu = True
    list_display = ["term", "variants", "note"]
    search_fields = ["term", "variants", "note"]


register_snippet(SynonymViewSet)
