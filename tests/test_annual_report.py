"""年度报告: a department's annual disclosure report is drafted from its own published entries."""

import io
import re

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import pytest

from disclosure.models import DisclosureEntryPage

from .factories import DisclosureEntryPageFactory
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
    assert not report.live
    html = re.sub(r"\s+", "", report.body.render_as_block())
    assert "主动公开政府信息3条" in html
    assert "<td>通知</td><td>2</td>" in html and "<td>规划</td><td>1</td>" in html
    assert "已存在，未改动" in draft(group.a.code, year)
    assert Page.objects.filter(title__endswith="年度报告", depth=report.depth).count() == 1
    assert DisclosureEntryPage.objects.count() == 3


def test_department_staff_draft_from_the_admin_for_their_own_catalog_only(client, group):
    client.force_login(group.editor_a)
    url = reverse("draft_annual_report", args=[group.column(group.a, "disclosure").pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"year": timezone.localdate().year})
    assert response.status_code == 302 and "/edit/" in response["Location"]
    other = reverse("draft_annual_report", args=[group.column(group.b, "disclosure").pk])
    response = client.get(other)
    assert response.status_code == 403 or response["Location"] == "/admin/"
