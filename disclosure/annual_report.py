"""年度报告: a department's annual disclosure report in the national format of 国办公开办函〔2021〕30号.

The report is a `DisclosureEntryPage` (体裁 报告) in the department's 政府信息公开年度报告 column, so it gets a 索引号
when it is first published and is listed in the catalog. Its six parts and five tables follow the national
template; the figures come from the portal's own data: the department's entries (table 一: 规章 and 行政规范性文件 by
their 文件类别), and the 依申请公开 cases through the hook `DISCLOSURE_REQUEST_FIGURES` (tables 二 and 三, the
信息处理费), so disclosure imports no request code. Figures the portal cannot know (行政许可 decisions, fees
collected) are left for the editor, marked （请填写）.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from wagtail import hooks

from portal.hooks import DISCLOSURE_REQUEST_FIGURES

from .models import DisclosureEntryPage
from .taxonomy import DocumentClass, Genre, Topic, Validity

REPORTS_SLUG = "annual-reports"
TO_FILL = "（请填写）"
# 《政府信息公开条例》第五十条: departments publish their report by 31 January, people's governments by 31 March.
DEPARTMENT_DEADLINE, GOVERNMENT_DEADLINE = (1, 31), (3, 31)

COLUMNS = [
    ("citizen", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("public_interest", "社会公益组织"),
    ("legal_service", "法律服务机构"),
    ("other", "其他"),
]
# The rows of table 三 as the national template names them; keys as interaction.reports counts them.
REQUEST_ROWS = [
    ("received", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
    (None, "三、本年度办理结果"),
    ("granted", "（一）予以公开"),
    ("partly", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    (None, "（三）不予公开"),
    ("refused/secret", "1．属于国家秘密"),
    ("refused/forbidden", "2．其他法律行政法规禁止公开"),
    ("refused/safety", "3．危及“三安全一稳定”"),
    ("refused/third_party", "4．保护第三方合法权益"),
    ("refused/internal", "5．属于三类内部事务信息"),
    ("refused/process", "6．属于四类过程性信息"),
    ("refused/case_file", "7．属于行政执法案卷"),
    ("refused/query", "8．属于行政查询事项"),
    (None, "（四）无法提供"),
    ("unavailable/not_held", "1．本机关不掌握相关政府信息"),
    ("unavailable/needs_making", "2．没有现成信息需要另行制作"),
    ("unavailable/still_unclear", "3．补正后申请内容仍不明确"),
    (None, "（五）不予处理"),
    ("not_processed/petition", "1．信访举报投诉类申请"),
    ("not_processed/repeated", "2．重复申请"),
    ("not_processed/publication", "3．要求提供公开出版物"),
    ("not_processed/mass", "4．无正当理由大量反复申请"),
    ("not_processed/confirmation", "5．要求行政机关确认或重新出具已获取信息"),
    (None, "（六）其他处理"),
    ("other/no_correction", "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other/unpaid", "2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other/other", "3．其他"),
    ("answered", "（七）总计"),
    ("carried_forward", "四、结转下年度继续办理"),
]
UNGROUNDED = "（理由未登记）"  # replies recorded before grounds were asked, shown under their form
REVIEW_KINDS = [
    ("reconsideration", "行政复议"),
    ("litigation", "行政诉讼（未经复议直接起诉）"),
    ("litigation_after", "行政诉讼（复议后起诉）"),
]
REVIEW_RESULTS = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结")]


def report_deadline(year, government=False):
    """The day the report on `year` must be published by (条例第五十条)."""
    month, day = GOVERNMENT_DEADLINE if government else DEPARTMENT_DEADLINE
    return date(year + 1, month, day)


def reports_column(department):
    catalog = department.get_children().filter(slug="disclosure").first()
    return catalog.get_children().filter(slug=REPORTS_SLUG).first() if catalog else None


def existing_report(department, year, column=None):
    column = column or reports_column(department)
    return column.get_children().filter(slug=str(year)).first() if column else None


def default_year(department, today):
    """The most recent finished year without a report (of the last five), else the current year."""
    column = reports_column(department)
    made = set(column.get_children().values_list("slug", flat=True)) if column else set()
    for year in range(today.year - 1, today.year - 6, -1):
        if str(year) not in made:
            return year
    return today.year


def year_range(year):
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


def entries_of(department):
    return DisclosureEntryPage.objects.live().descendant_of(department).filter(locale_id=department.locale_id)


def published_in(department, year):
    start, end = year_range(year)
    return entries_of(department).filter(first_published_at__gte=start, first_published_at__lt=end)


def active_figures(department, year):
    """第二十条第（一）项: per 文件类别, (made this year, repealed or expired this year, in force at the year's end)."""
    start, end = year_range(year)
    figures = {}
    for value, _ in DocumentClass.choices:
        documents = entries_of(department).filter(document_class=value)
        made = published_in(department, year).filter(document_class=value).count()
        ended = documents.exclude(validity=Validity.VALID).filter(validity_date__year=year).count()
        in_force = documents.filter(validity=Validity.VALID, first_published_at__lt=end).count()
        figures[value] = (made, ended, in_force)
    return figures


def request_figures(department, year, departments=None):
    """The answers of the hook: table 三 ({row: {column: n}}), table 四 and the fees; empty when no app answers."""
    merged = {"requests": {}, "reviews": {}, "fees": 0}
    for provider in hooks.get_hooks(DISCLOSURE_REQUEST_FIGURES):
        figures = provider(department, year, departments)
        for part in ("requests", "reviews"):
            for row, counts in figures.get(part, {}).items():
                target = merged[part].setdefault(row, {})
                for key, count in counts.items():
                    target[key] = target.get(key, 0) + count
        merged["fees"] += figures.get("fees", 0)
    return merged


def total(requests, row):
    return sum(requests.get(row, {}).values())


def balance(requests):
    """The template's internal check: received + carried over, and answered + carried forward (they must agree)."""
    return (
        total(requests, "received") + total(requests, "carried_over"),
        total(requests, "answered") + total(requests, "carried_forward"),
    )


def table(rows):
    data = [[str(cell) for cell in row] for row in rows]
    return ("table", {"data": data, "first_row_is_table_header": True, "first_col_is_header": True})


def active_tables(figures):
    return [
        table(
            [
                ["第二十条第（一）项：信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                *[[label, *figures[value]] for value, label in DocumentClass.choices],
            ]
        ),
        table(
            [
                ["第二十条第（五）（六）项：信息内容", "本年处理决定数量"],
                ["行政许可", TO_FILL],
                ["行政处罚", TO_FILL],
                ["行政强制", TO_FILL],
            ]
        ),
        table([["第二十条第（八）项：信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费", TO_FILL]]),
    ]


def request_rows(requests):
    """REQUEST_ROWS, with a row for replies without a recorded ground under each form that has them."""
    rows = []
    for key, label in REQUEST_ROWS:
        rows.append((key, label))
        if key and key.endswith(("/query", "/still_unclear", "/confirmation", "/other")):
            loose = key.split("/")[0] + "/"
            if loose in requests:
                rows.append((loose, UNGROUNDED))
    return rows


def request_table(requests):
    header = ["申请人情况", *[label for _, label in COLUMNS], "总计"]
    body = []
    for key, label in request_rows(requests):
        if key is None:
            body.append([label, *[""] * (len(COLUMNS) + 1)])
            continue
        counts = requests.get(key, {})
        body.append([label, *[counts.get(column, 0) for column, _ in COLUMNS], sum(counts.values())])
    return table([header, *body])


def review_table(reviews):
    header = ["类型", *[label for _, label in REVIEW_RESULTS], "总计"]
    rows = []
    for kind, label in REVIEW_KINDS:
        counts = reviews.get(kind, {})
        rows.append([label, *[counts.get(result, 0) for result, _ in REVIEW_RESULTS], sum(counts.values())])
    return table([header, *rows])


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def report_body(department, year, departments=None):
    if departments is None:
        published = published_in(department, year).count()
    else:
        published = sum(published_in(each, year).count() for each in departments)
    figures = request_figures(department, year, departments)
    requests, reviews = figures["requests"], figures["reviews"]
    left, right = balance(requests)
    reconsiderations = sum(reviews.get("reconsideration", {}).values())
    litigations = sum(sum(reviews.get(kind, {}).values()) for kind in ("litigation", "litigation_after"))
    check = (
        f"本年新收 {total(requests, 'received')} 件 + 上年结转 {total(requests, 'carried_over')} 件 = "
        f"办理结果总计 {total(requests, 'answered')} 件 + 结转下年度 {total(requests, 'carried_forward')} 件"
    )
    return [
        heading("一、总体情况"),
        paragraph(
            f"{year}年，{'全市' if departments else department.title}认真贯彻落实《中华人民共和国政府信息公开条例》，"
            f"主动公开政府信息 {published} 条；"
            f"收到政府信息公开申请 {total(requests, 'received')} 件，上年结转 {total(requests, 'carried_over')} 件，"
            f"办结 {total(requests, 'answered')} 件，结转下年度 {total(requests, 'carried_forward')} 件；"
            f"因政府信息公开被申请行政复议 {reconsiderations} 件、提起行政诉讼 {litigations} 件。"
            "（请填写主动公开、依申请公开、政府信息管理、平台建设、监督保障等工作情况。）"
        ),
        heading("二、主动公开政府信息情况"),
        *active_tables(active_figures(department, year) if departments is None else city_active(departments, year)),
        heading("三、收到和处理政府信息公开申请情况"),
        request_table(requests),
        paragraph(f"核对：{check}。" + ("数据平衡。" if left == right else "数据不平衡，请核查申请办理记录。")),
        heading("四、政府信息公开行政复议、行政诉讼情况"),
        review_table(reviews),
        heading("五、存在的主要问题及改进情况"),
        paragraph(TO_FILL),
        heading("六、其他需要报告的事项"),
        paragraph(
            f"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度应收信息处理费 {figures['fees']} 元。"
            f"{TO_FILL}"
        ),
    ]


def city_active(departments, year):
    """Table 一 of a city-wide report: the departments' figures summed."""
    figures = [active_figures(department, year) for department in departments]
    return {
        value: tuple(sum(parts) for parts in zip(*(each[value] for each in figures), strict=True))
        for value, _ in DocumentClass.choices
    }


def draft_annual_report(department, year, departments=None):
    """The report page for this department and year, created as an unpublished catalog entry if missing;
    (page, created). With `departments`, a city-wide report summing them, kept in `department`'s column."""
    column = reports_column(department)
    if column is None:
        raise ValueError(f"{department.title}还没有“政府信息公开年度报告”栏目，请先运行 onboard_department。")
    slug, name = (str(year), department.title) if departments is None else (f"city-{year}", "全市")
    existing = column.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = DisclosureEntryPage(
        title=f"{name}{year}年政府信息公开工作年度报告",
        slug=slug,
        summary=f"{name}{year}年政府信息公开工作年度报告。",
        body=report_body(department, year, departments),
        genre=Genre.REPORT,
        topic=Topic.GENERAL,
        live=False,
    )
    column.add_child(instance=page)
    page.save_revision()
    return page, True
