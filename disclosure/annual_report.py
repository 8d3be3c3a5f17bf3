"""年度报告: a department's annual disclosure report drafted from the portal's own data, for editors to complete.

It follows the national template's six parts; the figures come from the entries the department published
in the year, and the request figures (section 三) from the functions registered under the Wagtail hook
`DISCLOSURE_REQUEST_FIGURES` (the interaction app's 依申请公开 cases), so disclosure imports no request code.
"""

from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from wagtail import hooks

from home.models import StandardPage
from portal.hooks import DISCLOSURE_REQUEST_FIGURES

from .models import DisclosureEntryPage
from .taxonomy import Genre, Topic

REPORTS_SLUG = "annual-reports"
# Each function registered here takes (department, year) and returns (label, count) rows for section 三.


def published_in(department, year):
    zone = ZoneInfo(settings.TIME_ZONE)
    return (
        DisclosureEntryPage.objects.live()
        .descendant_of(department)
        .filter(
            first_published_at__gte=datetime(year, 1, 1, tzinfo=zone),
            first_published_at__lt=datetime(year + 1, 1, 1, tzinfo=zone),
        )
    )


def count_table(heading, labels, counts):
    rows = [[label, str(counts[value])] for value, label in labels if counts[value]]
    return (
        "table",
        {
            "data": [[heading, "条数"], *rows] if rows else [[heading, "条数"], ["无", "0"]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
        },
    )


def request_figures(department, year):
    rows = [row for provider in hooks.get_hooks(DISCLOSURE_REQUEST_FIGURES) for row in provider(department, year)]
    if not rows:
        return [paragraph("（请按实际办理情况填写。）")]
    table = {"data": [["项目", "数量"], *[[label, str(count)] for label, count in rows]]}
    return [("table", {**table, "first_row_is_table_header": True, "first_col_is_header": False})]


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def report_body(department, year):
    entries = list(published_in(department, year).values_list("genre", "topic"))
    genres, topics = Counter(genre for genre, _ in entries), Counter(topic for _, topic in entries)
    return [
        heading("一、总体情况"),
        paragraph(
            f"{year}年，{department.title}认真贯彻落实《中华人民共和国政府信息公开条例》，（请补充本年度工作概况）。"
        ),
        heading("二、主动公开政府信息情况"),
        paragraph(f"{year}年通过江门政务之窗主动公开政府信息 {len(entries)} 条。"),
        count_table("体裁分类", Genre.choices, genres),
        count_table("主题分类", Topic.choices, topics),
        heading("三、收到和处理政府信息公开申请情况"),
        *request_figures(department, year),
        heading("四、政府信息公开行政复议、行政诉讼情况"),
        paragraph("（请填写。）"),
        heading("五、存在的主要问题及改进情况"),
        paragraph("（请填写。）"),
        heading("六、其他需要报告的事项"),
        paragraph("（请填写。）"),
    ]


def draft_annual_report(department, year):
    """The draft report page for this department and year, created (unpublished) if missing; (page, created)."""
    catalog = department.get_children().filter(slug="disclosure").first()
    reports = catalog.get_children().filter(slug=REPORTS_SLUG).first() if catalog else None
    if reports is None:
        raise ValueError(f"{department.title}还没有“政府信息公开年度报告”栏目，请先运行 onboard_department。")
    existing = reports.get_children().filter(slug=str(year)).first()
    if existing is not None:
        return existing, False
    page = StandardPage(
        title=f"{department.title}{year}年政府信息公开工作年度报告",
        slug=str(year),
        summary=f"{department.title}{year}年政府信息公开工作年度报告（草稿）。",
        body=report_body(department, year),
        live=False,
    )
    reports.add_child(instance=page)
    page.save_revision()
    return page, True
