"""政府网站工作年度报表: the portal's yearly website report is drafted from its own data, each app filling its rows."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

import pytest

from departments.access import PORTAL_ADMINS
from home.models import StandardPage
from interaction.models.cases import Kind, Status

from .factories import CaseFactory
from .site_group import make_user

pytestmark = pytest.mark.django_db
ZONE = ZoneInfo("Asia/Shanghai")


def at(*day):
    return datetime(*day, 10, tzinfo=ZONE)


def draft(year):
    out = io.StringIO()
    call_command("draft_website_report", year=year, stdout=out)
    return out.getvalue()


def figures(year):
    page = StandardPage.objects.get(slug=f"website-report-{year}")
    data = next(block.value["data"] for block in page.body if block.block_type == "table")
    return page, {(section, label): value for section, label, value in data[1:]}


def test_the_website_report_counts_the_years_letters_articles_and_columns(portal):
    answered = [((2026, 3, 2), (2026, 3, 5)), ((2026, 5, 4), (2026, 5, 9))]  # 3 and 5 days: 4.0 on average
    for sent, replied in answered:
        CaseFactory(department=portal.a, status=Status.CLOSED, submitted_at=at(*sent), replied_at=at(*replied))
    CaseFactory(department=portal.a, submitted_at=at(2026, 11, 2), published_at=at(2026, 11, 20))
    CaseFactory(department=portal.a, submitted_at=at(2025, 12, 30), replied_at=at(2026, 1, 5), status=Status.CLOSED)
    CaseFactory(kind=Kind.INTERVIEW, department=portal.a, submitted_at=at(2026, 6, 1))
    CaseFactory(kind=Kind.DISCLOSURE, department=portal.a, submitted_at=at(2026, 6, 1))  # not a letter

    assert "已起草" in draft(2026)
    page, rows = figures(2026)
    assert page.title.endswith("2026年政府网站工作年度报表") and not page.live
    assert page.get_parent().specific_class.__name__ == "HomePage"
    assert rows[("互动交流", "留言办理：收到留言数量（单位：条）")] == "3"
    assert rows[("互动交流", "留言办理：办结留言数量（单位：条）")] == "3"  # the letter of December 2025 too
    assert rows[("互动交流", "留言办理：平均办理时间（单位：天）")] == "4.7"  # (3 + 5 + 6) / 3
    assert rows[("互动交流", "留言办理：公开答复数量（单位：条）")] == "1"
    assert rows[("互动交流", "在线访谈：网民留言数量（单位：条）")] == "1"
    assert rows[("信息发布（单位：条）", "政务动态信息更新量")] == "3"  # the site group's three articles
    assert rows[("网站基本信息", "网站类型")] == "政府门户网站"
    assert rows[("网站访问", "网站总访问量（单位：次）")] == "（请填写）"  # the portal does not count visits
    assert int(rows[("专栏专题（单位：个）", "维护数量")]) >= 6  # each department's columns
    assert "已存在，未改动" in draft(2026)

    draft(2025)
    _, earlier = figures(2025)
    assert earlier[("互动交流", "留言办理：收到留言数量（单位：条）")] == "1"
    assert earlier[("信息发布（单位：条）", "政务动态信息更新量")] == "0"


def test_the_portal_office_drafts_the_report_from_the_admin_and_others_cannot(client, portal):
    client.force_login(portal.editor_a)
    assert client.get(reverse("draft_website_report")).status_code in (302, 403)
    client.force_login(make_user("office", Group.objects.get(name=PORTAL_ADMINS)))
    form = client.get(reverse("draft_website_report"))
    assert form.status_code == 200 and form.context["form"].initial["year"] == 2025
    assert client.post(reverse("draft_website_report"), {"year": 2031}).status_code == 200  # said on the form
    response = client.post(reverse("draft_website_report"), {"year": 2025})
    assert response.status_code == 302 and "/edit/" in response["Location"]
    assert StandardPage.objects.filter(slug="website-report-2025").exists()
