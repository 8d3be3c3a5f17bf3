"""栏目更新监测: overdue and empty columns, the site verdict, and who sees which columns."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

import pytest

from departments.models import ArticlePage
from supervision.columns import column_statuses
from supervision.timeliness import ColumnStatus, verdict

from .factories import ArticlePageFactory

TODAY = date(2026, 11, 27)


def status(column_type, days_ago, title="栏目"):
    last = (
        None
        if days_ago is None
        else datetime(2026, 11, 27, tzinfo=ZoneInfo("Asia/Shanghai")) - timedelta(days=days_ago)
    )
    return ColumnStatus(type("P", (), {"title": title})(), "江门市民政局", column_type, last, TODAY)


def test_thresholds_follow_the_inspection_rules():
    assert status("news", 14).state == "ok" and status("news", 15).state == "stale"
    assert status("notice", 183).state == "ok" and status("notice", 184).state == "stale"
    assert status("other", 365).state == "ok" and status("other", 366).state == "stale"
    assert status("news", None).state == "empty"
    assert status("news", 10).due == TODAY + timedelta(days=4)


def test_verdict_fails_on_five_stale_or_five_empty_columns_or_a_stale_home_page():
    assert verdict([status("news", 30)] * 4 + [status("home", 1)]).passed
    assert not verdict([status("news", 30)] * 5).passed
    assert not verdict([status("news", None)] * 5).passed
    failed = verdict([status("home", 20, "首页"), status("news", 30, "动态")])
    assert not failed.passed and "首页" in failed.reasons[0]
    assert [s.page.title for s in failed.fix_first] == ["首页", "动态"]


@pytest.mark.django_db
def test_report_marks_overdue_and_empty_columns_and_scopes_departments(client, group):
    old = timezone.now() - timedelta(days=40)
    ArticlePage.objects.filter(pk=group.news_a.pk).update(last_published_at=old)
    by_title = {(s.department, s.page.title): s for s in column_statuses(group.central)}
    assert by_title[("江门市民政局", "部门动态")].state == "stale"
    assert by_title[("江门市民政局", "部门动态")].days_since == 40
    assert by_title[("江门市民政局", "通知公告")].state == "ok"
    assert by_title[("江门市民政局", "办事服务")].state == "empty"
    assert {s.department for s in column_statuses(group.editor_a)} == {"江门市民政局"}

    client.force_login(group.editor_a)
    html = client.get(reverse("timeliness_report")).content.decode()
    assert "超期未更新" in html and "空白栏目" in html and "江门市教育局" not in html
    response = client.get(reverse("timeliness_report"), {"export": "csv"})
    csv = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "部门动态" in csv and "江门市民政局" in csv


@pytest.mark.django_db
def test_dashboard_shows_the_overdue_count_and_verdict(client, group):
    ArticlePageFactory(parent=group.column(group.b, "news"))
    client.force_login(group.central)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "超期未更新 <strong>0</strong> 个，空白栏目 <strong>2</strong> 个" in html
    assert "当前栏目更新情况<strong>合格</strong>" in html
