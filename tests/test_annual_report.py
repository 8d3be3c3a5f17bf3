"""年度报告: a department's annual disclosure report is drafted from its own published entries."""

import io
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import pytest

from disclosure import annual_report
from disclosure.models import DisclosureEntryPage
from interaction.models import Review, Transition
from interaction.models.cases import Kind, Status

from .factories import CaseFactory, DisclosureEntryPageFactory
from .site_group import SiteGroup
from .worlds import world

pytestmark = pytest.mark.django_db


@world
def annual_report_group(home):
    """The site group; A's catalog holds two notices and a plan."""
    group = SiteGroup(home)
    catalog = group.column(group.a, "disclosure")
    DisclosureEntryPageFactory(parent=catalog, genre="notice", topic="civil")
    DisclosureEntryPageFactory(parent=catalog, genre="notice", topic="civil")
    DisclosureEntryPageFactory(parent=catalog, genre="plan", topic="general")
    return group


@pytest.fixture
def group(annual_report_group):
    return annual_report_group


def draft(code, year):
    out = io.StringIO()
    call_command("draft_annual_report", department=code, year=year, stdout=out)
    return out.getvalue()


def test_the_command_drafts_a_report_with_this_years_figures_once(group):
    year = timezone.localdate().year
    assert "已起草" in draft(group.a.code, year)
    report = Page.objects.get(title=f"江门市民政局{year}年政府信息公开工作年度报告").specific
    assert isinstance(report, DisclosureEntryPage) and report.genre == "report"
    assert not report.live
    html = re.sub(r"\s+", "", report.body.render_as_block())
    assert "主动公开政府信息3条" in html
    assert "已存在，未改动" in draft(group.a.code, year)
    reports = Page.objects.filter(title__endswith="年度报告", depth=report.depth, locale=report.locale)
    assert reports.count() == 1
    assert DisclosureEntryPage.objects.filter(locale=report.locale).count() == 4  # three entries and the report


def test_department_staff_draft_from_the_admin_for_their_own_catalog_only(client, group):
    client.force_login(group.editor_a)
    url = reverse("draft_annual_report", args=[group.column(group.a, "disclosure").pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"year": timezone.localdate().year})
    assert response.status_code == 302 and "/edit/" in response["Location"]
    other = reverse("draft_annual_report", args=[group.column(group.b, "disclosure").pk])
    response = client.get(other)
    assert response.status_code == 403 or response["Location"] == "/admin/"


# The national format (国办公开办函〔2021〕30号) on hand-counted figures for 2025.
ZONE = ZoneInfo("Asia/Shanghai")


def moment(*day):
    return datetime(*day, 10, tzinfo=ZONE)


def disclosure_case(department, received, applicant="citizen", replied=None, outcome="", ground="", **fields):
    return CaseFactory(
        kind=Kind.DISCLOSURE,
        department=department,
        applicant_type=applicant,
        submitted_at=moment(*received),
        replied_at=moment(*replied) if replied else None,
        outcome=outcome,
        ground=ground,
        **{"status": Status.CLOSED if replied else Status.IN_PROGRESS, **fields},
    )


def requests_of_2025(group):
    a = group.a
    disclosure_case(a, (2024, 12, 20), replied=(2025, 1, 10), outcome="granted")  # carried over, answered
    disclosure_case(a, (2024, 12, 28), "commercial", replied=(2024, 12, 30), outcome="granted")  # 2024's alone
    disclosure_case(a, (2025, 3, 3), replied=(2025, 3, 20), outcome="partly", fee_amount=100)
    refused = disclosure_case(a, (2025, 4, 1), "commercial", (2025, 4, 15), "refused", "third_party")
    disclosure_case(a, (2025, 5, 6), "research", (2025, 5, 20), "unavailable", "not_held", fee_amount=0)
    disclosure_case(a, (2025, 6, 2), "public_interest", (2025, 6, 10), "not_processed", "repeated")
    disclosure_case(a, (2025, 7, 1), "legal_service", (2025, 7, 30), "other", "no_correction")
    withheld = disclosure_case(a, (2025, 8, 1), "other_organisation", (2025, 8, 20), "refused", "process")
    disclosure_case(a, (2025, 9, 1), "organisation", (2025, 9, 5), "granted")  # before the columns: 其他
    disclosure_case(a, (2025, 12, 22), replied=(2026, 1, 15), outcome="granted", fee_amount=50)  # carried forward
    disclosure_case(a, (2025, 12, 30))  # still open: carried forward
    rejected = disclosure_case(a, (2025, 10, 9), status=Status.REJECTED)  # the desk would not handle it: 其他处理
    Transition.objects.create(
        case=rejected, action="reject", status="rejected", actor_name="受理中心", created_at=moment(2025, 10, 10)
    )
    CaseFactory(kind=Kind.MESSAGE, department=a, submitted_at=moment(2025, 5, 5))  # a 12345 letter: not counted
    disclosure_case(group.b, (2025, 5, 5), replied=(2025, 5, 9), outcome="granted")  # another department's
    disclosure_case(a, (2026, 2, 1))  # next year's
    Review.objects.create(case=refused, kind="reconsideration", filed_on=date(2025, 5, 10), result="corrected")
    Review.objects.create(case=withheld, kind="litigation", filed_on=date(2025, 9, 15))
    Review.objects.create(case=withheld, kind="reconsideration", filed_on=date(2026, 1, 5))  # next year's


def documents_of_2025(group):
    catalog = group.column(group.a, "disclosure")
    rule = DisclosureEntryPageFactory(parent=catalog, document_class="rule")
    made = DisclosureEntryPageFactory(parent=catalog, document_class="normative")
    repealed = DisclosureEntryPageFactory(parent=catalog, document_class="normative")
    DisclosureEntryPageFactory(parent=catalog, document_class="normative")  # published in 2026: not in 2025's table
    DisclosureEntryPage.objects.filter(pk__in=[rule.pk, made.pk]).update(first_published_at=moment(2025, 3, 1))
    DisclosureEntryPage.objects.filter(pk=repealed.pk).update(
        first_published_at=moment(2024, 3, 1), validity="repealed", validity_date=date(2025, 6, 30)
    )


def tables(report):
    return [block.value["data"] for block in report.body if block.block_type == "table"]


def rows(data):
    return {row[0]: row[1:] for row in data[1:]}


def test_the_report_in_the_national_format_matches_hand_counted_figures(client, group):
    requests_of_2025(group)
    documents_of_2025(group)
    catalog = group.column(group.a, "disclosure")
    url = reverse("draft_annual_report", args=[catalog.pk])
    client.force_login(group.reviewer_a)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "政府信息公开年度报告" in dashboard and "2026-01-31" in dashboard and "已逾期" in dashboard
    assert "起草2025年度报告" in dashboard
    form = client.get(url)
    assert form.context["form"].initial["year"] == 2025  # the last year without a report
    assert client.post(url, {"year": 2030}).status_code == 200  # a year not begun: said on the form
    response = client.post(url, {"year": 2025})
    assert response.status_code == 302

    report = DisclosureEntryPage.objects.get(slug="2025", locale=group.a.locale)
    assert report.get_parent().slug == "annual-reports" and report.genre == "report" and not report.live
    active, decisions, fees, requests, reviews = tables(report)
    assert rows(active) == {"规章": ["1", "0", "1"], "行政规范性文件": ["1", "1", "1"]}
    assert rows(decisions)["行政许可"] == ["（请填写）"] and rows(fees)["行政事业性收费"] == ["（请填写）"]
    assert requests[0] == [
        "申请人情况",
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    figures = rows(requests)
    #                                          自然人 商业 科研 公益 法律 其他 总计
    assert figures["一、本年新收政府信息公开申请数量"] == ["4", "1", "1", "1", "1", "2", "10"]
    assert figures["二、上年结转政府信息公开申请数量"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert figures["（一）予以公开"] == ["1", "0", "0", "0", "0", "1", "2"]
    assert figures["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert figures["4．保护第三方合法权益"] == ["0", "1", "0", "0", "0", "0", "1"]
    assert figures["6．属于四类过程性信息"] == ["0", "0", "0", "0", "0", "1", "1"]
    assert figures["1．本机关不掌握相关政府信息"] == ["0", "0", "1", "0", "0", "0", "1"]
    assert figures["2．重复申请"] == ["0", "0", "0", "1", "0", "0", "1"]
    assert figures["1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"][-1] == "1"
    assert figures["3．其他"] == ["1", "0", "0", "0", "0", "0", "1"]  # the request the desk refused
    assert figures["（七）总计"] == ["3", "1", "1", "1", "1", "2", "9"]
    assert figures["四、结转下年度继续办理"] == ["2", "0", "0", "0", "0", "0", "2"]
    assert rows(reviews)["行政复议"] == ["0", "1", "0", "0", "1"]
    assert rows(reviews)["行政诉讼（未经复议直接起诉）"] == ["0", "0", "0", "1", "1"]
    html = re.sub(r"\s+", "", report.body.render_as_block())
    assert "本年新收10件+上年结转1件=办理结果总计9件+结转下年度2件。数据平衡" in html
    assert "本年度应收信息处理费100元" in html

    report.save_revision().publish()
    report.refresh_from_db()
    assert report.index_number.startswith(f"{group.a.code}/2026-")
    page = client.get(report.url).content.decode()
    assert "索引号" in page and report.index_number in page and "结转下年度继续办理" in page
    assert report.title in client.get(catalog.url).content.decode()  # listed in the catalog
    assert client.get(url).context["form"].initial["year"] == 2024  # 2025 has its report now


def test_the_figures_balance_and_every_row_key_is_one_interaction_counts():
    from interaction.models.cases import GROUNDS

    keys = {key for key, _ in annual_report.REQUEST_ROWS if key}
    counted = {f"{outcome}/{ground}" for outcome, grounds in GROUNDS.items() for ground in grounds}
    assert counted | {"granted", "partly", "received", "carried_over", "answered", "carried_forward"} == keys
    left, right = annual_report.balance(
        {"received": {"citizen": 2}, "carried_over": {"other": 1}, "answered": {"a": 3}}
    )
    assert (left, right) == (3, 3)
    assert annual_report.report_deadline(2025) == date(2026, 1, 31)
    assert annual_report.report_deadline(2025, government=True) == date(2026, 3, 31)


def test_the_city_wide_report_sums_the_departments(group):
    requests_of_2025(group)  # A: 10 received, 1 carried over; B: 1 received and answered
    out = io.StringIO()
    call_command("draft_annual_report", city=group.a.code, year=2025, stdout=out)
    assert "已起草：全市2025年政府信息公开工作年度报告" in out.getvalue()
    report = DisclosureEntryPage.objects.get(slug="city-2025", locale=group.a.locale)
    figures = {row[0]: row[-1] for row in tables(report)[3][1:]}
    assert figures["一、本年新收政府信息公开申请数量"] == "11" and figures["（七）总计"] == "10"
    assert figures["四、结转下年度继续办理"] == "2"
    assert DisclosureEntryPage.objects.filter(slug="2025").count() == 0  # A's own report is another page
