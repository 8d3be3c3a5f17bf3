"""Admin reports on the query log: what readers search most, and what they search for and cannot find."""

from django.utils.functional import cached_property

from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from portal.spreadsheets import SafeSpreadsheetMixin

from .models import SearchLog, query_counts

DAYS = 30


class QueryReportView(SafeSpreadsheetMixin, ReportView):
    """Queries of the last 30 days, most searched first; readable by whoever may view the search log. Readers
    typed the queries: the exports show a formula as text."""

    header_icon = "search"
    results_template_name = "search/query_report_results.html"
    permission_required = "view"
    list_export = ["query", "searches", "last_searched"]
    export_headings = {"query": "搜索词", "searches": "搜索次数", "last_searched": "最近搜索时间"}
    log_filters = {}

    @cached_property
    def permission_policy(self):
        return ModelPermissionPolicy(SearchLog)

    def get_queryset(self):
        return query_counts(DAYS, **self.log_filters)


class PopularQueriesView(QueryReportView):
    page_title = "热门搜索词"
    index_url_name = "popular_queries_report"
    index_results_url_name = "popular_queries_report_results"


class ZeroResultQueriesView(QueryReportView):
    page_title = "无结果搜索词"
    index_url_name = "zero_result_queries_report"
    index_results_url_name = "zero_result_queries_report_results"
    log_filters = {"results": 0}
