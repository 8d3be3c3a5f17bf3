"""The demo portal: built by one command, unchanged by a second run, every page answering in Chinese."""

import io

from django.core.management import call_command

from wagtail.models import Locale, Page, Revision, Site

import pytest

from channels.audiences import Audience
from channels.models import ChannelPage
from demo import content
from demo.loader import DemoLoader
from departments.models import ArticlePage, DepartmentPage
from disclosure.models import DisclosureEntryPage
from home.models import PortalSettings, SectionPage
from interaction.models import Case, Transition
from scenarios.models import ScenarioGuidePage

pytestmark = pytest.mark.django_db


def snapshot():
    return Page.objects.count(), Revision.objects.count(), list(Page.objects.values_list("path", "title", "live"))


def test_load_demo_builds_the_portal_and_a_second_run_changes_nothing(client, demo_portal):
    Site.objects.filter(is_default_site=True).update(hostname="www.jiangmen.gov.cn")  # an administrator's edits
    PortalSettings.objects.update(site_id_code="4407990001")
    first = snapshot()
    letters = Case.objects.count(), Transition.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == first
    assert (Case.objects.count(), Transition.objects.count()) == letters  # no letter twice either
    assert Site.objects.get(is_default_site=True).hostname == "www.jiangmen.gov.cn"
    assert set(PortalSettings.objects.values_list("site_id_code", flat=True)) == {"4407990001"}

    source = Locale.get_default()  # the zh-hans tree; its translations are checked in test_languages
    assert SectionPage.objects.filter(locale=source).count() == 5
    assert sorted(ChannelPage.objects.filter(locale=source).values_list("audience", flat=True)) == sorted(
        ["citizen", "enterprise", "investor", "tourist", "overseas", "rural"]
    )
    assert DepartmentPage.objects.filter(locale=source).count() >= 12
    assert ArticlePage.objects.child_of(
        DepartmentPage.objects.get(slug="mzj", locale=source).get_children().get(slug="news")
    ).exists()

    # Every page as a reader of the portal's own address reaches it (department sub-sites have their own too).
    pages = [("/", Page.objects.get(depth=2, locale=source))]
    pages += [
        (f"/{page.slug}/", page)
        for page in [*SectionPage.objects.filter(locale=source), *ChannelPage.objects.filter(locale=source)]
    ]
    pages += [(f"/departments/{page.slug}/", page) for page in DepartmentPage.objects.filter(locale=source)]
    for url, page in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert page.title in response.content.decode(), url

    guides = ScenarioGuidePage.objects.live().filter(locale=source)
    assert sorted(guides.values_list("title", flat=True)) == sorted(
        ["结婚登记", "怀孕生育", "小孩上学", "户籍办理", "养老保险", "交通出行", "人才引进", "旅游观光"]
    )
    index_html = client.get("/services/scenarios/").content.decode()
    channel_html = "".join(client.get(f"/{audience}/").content.decode() for audience in Audience.values)
    for guide in guides:
        assert len(guide.questions) >= 2 and len(guide.steps) >= 4, guide.title
        path = guide.get_url_parts()[2]
        assert client.get(path).status_code == 200
        assert f'href="{path}"' in index_html and f'href="{path}"' in channel_html, guide.title

    for department in DepartmentPage.objects.filter(locale=source):
        entries = DisclosureEntryPage.objects.live().descendant_of(department)
        assert entries.count() >= 4, department.title
        assert all(entry.index_number.startswith(department.code + "/") for entry in entries)
    assert DisclosureEntryPage.objects.filter(validity="repealed").exists()
    assert DisclosureEntryPage.objects.filter(interpretations__isnull=False).exists()
    assert "共 " in client.get("/disclosure/catalog/").content.decode()

    for audience in ["citizen", "overseas"]:
        html = client.get(f"/{audience}/").content.decode()
        assert ArticlePage.objects.filter(audience_links__audience=audience).first().title in html


def test_demo_admin_account_logs_in(client):
    account = DemoLoader().load_admin(content.read("users.json")["admin"])
    assert client.login(username=account["username"], password=account["password"])
    assert client.get("/admin/").status_code == 200
