"""网上监察: the public performance board, computed from the portal's own data, and the complaint page (投诉监督)."""

import csv
import re
from datetime import date

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from departments.models import DepartmentPage
from interaction.forms import SupervisionComplaintForm
from interaction.models.pages import CaseFormPage
from portal import layout_cache
from portal.columns import ColumnType
from portal.pages import ColumnPage
from portal.workdays import months_later

from .charts import bar_chart
from .figures import compute, first_of_month

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MONTHS_SHOWN = 12
FIGURES_SECONDS = 300  # the board says when its figures were computed; cases change without any page being saved
CSV_COLUMNS = [
    ("排名", lambda rank, row: rank),
    ("部门", lambda rank, row: row.name),
    ("综合得分", lambda rank, row: row.score),
    ("已发布办事事项", lambda rank, row: row.items_published),
    ("要素齐全事项", lambda rank, row: row.items_complete),
    ("12345留言收到", lambda rank, row: row.messages.received),
    ("12345按时答复", lambda rank, row: row.messages.on_time),
    ("12345超期", lambda rank, row: row.messages.overdue),
    ("12345平均答复工作日", lambda rank, row: row.messages.average_days),
    ("依申请公开收到", lambda rank, row: row.requests.received),
    ("依申请公开按时答复", lambda rank, row: row.requests.on_time),
    ("依申请公开超期", lambda rank, row: row.requests.overdue),
    ("依申请公开平均答复工作日", lambda rank, row: row.requests.average_days),
    *[
        (f"评价：{label}", lambda rank, row, index=index: row.rating_distribution[index][1])
        for index, label in enumerate(["非常满意", "满意", "基本满意", "不满意", "非常不满意"])
    ],
    ("满意率%", lambda rank, row: row.satisfaction_rate),
    ("监测栏目", lambda rank, row: row.columns),
    ("不更新栏目", lambda rank, row: "、".join(row.stale_columns)),
    ("空白栏目", lambda rank, row: "、".join(row.empty_columns)),
]


def parse_month(value, today):
    """(first day of the month asked for, problem): this month when none is asked; a bad value is a problem."""
    this_month = first_of_month(today)
    if not value:
        return this_month, ""
    match = MONTH.match(value.strip())
    if match:
        year, month = map(int, match.groups())
        if year >= 2000 and 1 <= month <= 12 and date(year, month, 1) <= this_month:
            return date(year, month, 1), ""
    return this_month, f"无法识别月份“{value[:20]}”，已显示本月数据。月份格式如 {this_month:%Y-%m}。"


class PerformanceBoardPage(RoutablePageMixin, ColumnPage):
    """网上监察 → 部门绩效看板: a city-wide ranking and a page per department, month by month."""

    parent_page_types = ["home.SectionPage"]
    subpage_types = []
    max_count_per_parent = 1
    default_column_type = ColumnType.SUPERVISION
    template = "supervision/performance_board_page.html"

    class Meta:
        verbose_name = "部门绩效看板"

    def month_context(self, request):
        today = timezone.localdate()
        month, problem = parse_month(request.GET.get("month", ""), today)
        months = [months_later(first_of_month(today), -number) for number in range(MONTHS_SHOWN)]
        return today, month, {"month": month, "months": months, "problem": problem}

    def figures(self, month, today, only=None):
        """(rows, computed_at): the month's figures, computed at most once per FIGURES_SECONDS."""
        key = f"performance:{self.pk}:{month}:{today}:{only.pk if only else 'all'}"
        return layout_cache.cached(key, lambda: (compute(month, today, only=only), timezone.now()), FIGURES_SECONDS)

    def respond(self, request, template, **extra):
        context = self.get_context(request)
        context.update(extra)
        return TemplateResponse(request, template, context)

    @path("")
    def ranking(self, request):
        today, month, context = self.month_context(request)
        rows, context["computed_at"] = self.figures(month, today)
        chart = bar_chart(f"{month:%Y年%m月}各部门综合得分", [(row.name, row.score) for row in rows], unit="")
        return self.respond(request, self.template, rows=rows, chart=chart, **context)

    @path("department/<slug:slug>/")
    def department(self, request, slug):
        department = DepartmentPage.objects.live().filter(slug=slug, locale=self.locale).first()
        if department is None:
            raise Http404("没有这个部门")
        today, month, context = self.month_context(request)
        rows, context["computed_at"] = self.figures(month, today, only=department)
        row = rows[0]
        charts = [
            bar_chart("评价分布", row.rating_distribution, unit="件"),
            bar_chart(
                "各项指标",
                [
                    ("办事指南要素完整率", row.completeness_rate),
                    ("按时答复率", row.on_time_rate),
                    ("满意率", row.satisfaction_rate),
                    ("栏目正常更新率", row.column_rate),
                ],
                maximum=100,
            ),
        ]
        return self.respond(
            request,
            "supervision/department_performance.html",
            row=row,
            department=department,
            charts=charts,
            case_rows=[("12345留言", row.messages), ("依申请公开", row.requests)],
            **context,
        )

    @path("csv/")
    def csv_download(self, request):
        today, month, _ = self.month_context(request)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="performance-{month:%Y-%m}.csv"'
        response.write("\ufeff")  # Excel reads UTF-8 with a byte-order mark
        writer = csv.writer(response)
        computed_at = f"{timezone.localtime():%Y-%m-%d %H:%M}"
        writer.writerow(["月份", *[heading for heading, _ in CSV_COLUMNS], "计算时间"])
        for rank, row in enumerate(compute(month, today), start=1):
            writer.writerow([f"{month:%Y-%m}", *[value(rank, row) for _, value in CSV_COLUMNS], computed_at])
        return response


class SupervisionComplaintPage(CaseFormPage):
    """投诉监督 (under 网上监察): a complaint about an office's work, handled by the supervision group.
    The complaint is a case of the case core (interaction), like a 12345 message."""

    form_class = SupervisionComplaintForm
    template = "interaction/case_form_page.html"

    class Meta:
        db_table = "interaction_supervisioncomplaintpage"  # made by interaction's migration 0003, before the move
        verbose_name = "投诉监督"
