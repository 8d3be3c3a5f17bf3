"""The disclosure platform: index numbers, entries, the central catalog and its filters."""

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import connection

import pytest

from disclosure.index_numbers import allocate
from disclosure.models import DisclosureEntryPage

from .factories import (
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    DisclosureCatalogPageFactory,
    DisclosureEntryPageFactory,
    DisclosureIndexPageFactory,
    SectionPageFactory,
)
from .helpers import assert_constant, steady_queries

pytestmark = pytest.mark.django_db
A = "11440700MB0000001X"
B = "11440700MB0000002X"


@pytest.fixture
def catalogs(home):
    departments = DepartmentIndexPageFactory(parent=home)
    a = DisclosureCatalogPageFactory(
        parent=DepartmentPageFactory(parent=departments, code=A, slug="mzj", title="民政局")
    )
    b = DisclosureCatalogPageFactory(
        parent=DepartmentPageFactory(parent=departments, code=B, slug="jyj", title="教育局")
    )
    DisclosureIndexPageFactory(parent=SectionPageFactory(parent=home, slug="disclosure"))
    return a, b


def test_index_numbers_run_per_department_and_year(catalogs):
    a, b = catalogs
    year = datetime.now(ZoneInfo("Asia/Shanghai")).year
    first, second = DisclosureEntryPageFactory(parent=a), DisclosureEntryPageFactory(parent=a)
    other = DisclosureEntryPageFactory(parent=b)
    assert first.index_number == f"{A}/{year}-00001"
    assert second.index_number == f"{A}/{year}-00002"
    assert other.index_number == f"{B}/{year}-00001"


def test_an_index_number_is_never_reused_nor_changed(catalogs):
    a, _ = catalogs
    first = DisclosureEntryPageFactory(parent=a)
    number = first.index_number
    first.title = "修订后的标题"
    first.save_revision().publish()
    first.refresh_from_db()
    assert first.index_number == number
    first.delete()
    assert DisclosureEntryPageFactory(parent=a).index_number.endswith("-00002")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks between two connections need PostgreSQL")
def test_two_publishers_at_the_same_moment_get_different_numbers():
    numbers, barrier = [], threading.Barrier(2)

    def publish():
        barrier.wait()
        for _ in range(10):
            numbers.append(allocate(A, 2026))
        connection.close()

    threads = [threading.Thread(target=publish) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(numbers) == [f"{A}/2026-{n:05d}" for n in range(1, 21)]


def titles(html):
    return sorted(line.split(">")[1].split("<")[0] for line in html.split('<td><a href="')[1:])


@pytest.fixture
def entries(catalogs):
    a, b = catalogs
    DisclosureEntryPageFactory(parent=a, title="低保办法", topic="civil", genre="measures", validity="repealed")
    DisclosureEntryPageFactory(parent=a, title="养老通知", topic="civil", genre="notice")
    DisclosureEntryPageFactory(parent=b, title="招生通知", topic="science", genre="notice")
    entry = DisclosureEntryPageFactory(parent=b, title="教育规划", topic="science", genre="plan")
    entry.keywords.add("义务教育")
    entry.save_revision().publish()
    return a, b


@pytest.mark.parametrize(
    "query, expected",
    [
        ({}, ["低保办法", "养老通知", "招生通知", "教育规划"]),
        ({"department": A}, ["低保办法", "养老通知"]),
        ({"topic": "science"}, ["招生通知", "教育规划"]),
        ({"genre": "notice"}, ["养老通知", "招生通知"]),
        ({"validity": "repealed"}, ["低保办法"]),
        ({"keyword": "义务教育"}, ["教育规划"]),
        ({"department": B, "genre": "notice"}, ["招生通知"]),
        ({"department": A, "topic": "science"}, []),
    ],
)
def test_central_catalog_filters(client, entries, query, expected):
    response = client.get("/disclosure/catalog/", query)
    assert response.status_code == 200
    assert titles(response.content.decode()) == sorted(expected)


def test_the_catalog_total_follows_publishing_and_unpublishing(client, entries):
    a, _ = entries
    assert "共 2 条" in client.get("/disclosure/catalog/", {"topic": "civil"}).content.decode()
    entry = DisclosureEntryPageFactory(parent=a, title="救助通知", topic="civil", genre="notice")
    assert "共 3 条" in client.get("/disclosure/catalog/", {"topic": "civil"}).content.decode()
    entry.unpublish()
    assert "共 2 条" in client.get("/disclosure/catalog/", {"topic": "civil"}).content.decode()


def test_year_filter(client, entries):
    year = datetime.now(ZoneInfo("Asia/Shanghai")).year
    assert len(titles(client.get("/disclosure/catalog/", {"year": year}).content.decode())) == 4
    assert titles(client.get("/disclosure/catalog/", {"year": year - 1}).content.decode()) == []


@pytest.mark.parametrize(
    "query",
    [
        {"department": "unknown"},
        {"year": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"topic": "x" * 5000},
        {"sort": "<b>"},
    ],
)
def test_malformed_filters_give_a_clear_empty_state(client, entries, query):
    response = client.get("/disclosure/catalog/", query)
    html = response.content.decode()
    assert response.status_code == 200
    assert titles(html) == []
    assert 'class="empty-state" role="status"' in html


def test_repealed_entry_says_so_and_interpretations_show_on_both_sides(client, catalogs):
    a, _ = catalogs
    policy = DisclosureEntryPageFactory(parent=a, title="江门市最低生活保障办法", slug="dibao", validity="repealed")
    reading = DisclosureEntryPageFactory(
        parent=a, title="《江门市最低生活保障办法》解读", slug="dibao-jiedu", genre="interpretation"
    )
    reading.interprets.add(policy)
    reading.save_revision().publish()
    policy_html = client.get("/departments/mzj/disclosure/dibao/").content.decode()
    assert "本文件已废止" in policy_html and "《江门市最低生活保障办法》解读" in policy_html
    assert policy.index_number in policy_html
    assert "江门市最低生活保障办法" in client.get("/departments/mzj/disclosure/dibao-jiedu/").content.decode()


def test_catalog_query_count_does_not_grow_with_entries(client, catalogs):
    a, _ = catalogs
    assert_constant(
        client, "/disclosure/catalog/", lambda count: [DisclosureEntryPageFactory(parent=a) for _ in range(count)]
    )
    assert_constant(
        client,
        "/departments/mzj/disclosure/",
        lambda count: [DisclosureEntryPageFactory(parent=a) for _ in range(count)],
    )


def test_onboarding_gives_each_department_a_disclosure_catalog(home):
    from departments.onboarding import onboard_department

    department = onboard_department(
        DepartmentIndexPageFactory(parent=home), code=A, name="民政局", slug="mzj"
    ).department
    catalog = department.get_children().get(slug="disclosure")
    assert catalog.specific_class.__name__ == "DisclosureCatalogPage"
    assert [page.title for page in catalog.get_children()] == [
        "政府信息公开指南",
        "政府信息公开制度",
        "政府信息公开年度报告",
    ]
    assert "20个工作日" in catalog.get_children().get(slug="guide").specific.body.render_as_block()
    assert DisclosureEntryPage.objects.count() == 0


def test_feeds_list_new_entries_for_the_city_and_per_department(client, entries):
    rss = client.get("/feeds/disclosure.rss")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert "低保办法" in body and "招生通知" in body
    atom = client.get(f"/feeds/disclosure/{A}.atom").content.decode()
    assert "低保办法" in atom and "招生通知" not in atom
    assert client.get("/feeds/disclosure/NOSUCHCODE.rss").status_code == 404


def test_feeds_answer_in_the_language_of_the_url_when_departments_are_translated(client, entries):
    from wagtail.models import Locale

    a, _ = entries
    entry = DisclosureEntryPage.objects.child_of(a).get(title="低保办法")
    translated = entry.get_translation(Locale.objects.get(language_code="zh-hant"))  # converted on publication
    assert translated.live and translated.title == "低保辦法"

    simplified = client.get(f"/feeds/disclosure/{A}.rss")
    traditional = client.get(f"/zh-hant/feeds/disclosure/{A}.rss")
    assert simplified.status_code == traditional.status_code == 200
    assert "低保办法" in simplified.content.decode() and "低保辦法" not in simplified.content.decode()
    assert "低保辦法" in traditional.content.decode() and "低保办法" not in traditional.content.decode()
    assert "低保辦法" not in client.get("/feeds/disclosure.rss").content.decode()


def test_an_editor_cannot_back_date_the_first_publication(client, catalogs, django_user_model):
    from .site_group import edit_url, posted_form

    a, _ = catalogs
    entry = DisclosureEntryPageFactory(parent=a, title="原始条目")
    published = entry.first_published_at
    client.force_login(django_user_model.objects.create_superuser("centre", password="pw"))
    data = posted_form(client, edit_url(entry), title="修订条目", first_published_at="2020-01-01 09:00")
    data["action-publish"] = "publish"
    assert client.post(edit_url(entry), data).status_code == 302
    entry.refresh_from_db()
    assert entry.title == "修订条目" and entry.first_published_at == published


def test_the_generator_adds_numbered_entries_that_the_catalog_lists(client, entries):
    from disclosure.generator import generate

    a, b = entries
    before = DisclosureEntryPage.objects.count()
    assert generate(60) == 60
    assert DisclosureEntryPage.objects.count() == before + 60
    # zh-hans entries: a zh-hant translation keeps its entry's number
    numbers = list(DisclosureEntryPage.objects.filter(locale=a.locale).values_list("index_number", flat=True))
    assert len(numbers) == len(set(numbers))
    assert DisclosureEntryPage.find_problems() == ([], [], [], [], [])
    generated = DisclosureEntryPage.objects.child_of(a).filter(slug__startswith="bulk-").first()
    assert client.get(generated.get_url_parts()[2]).status_code == 200
    assert "共 64 条" in client.get("/disclosure/catalog/").content.decode()


def test_catalog_queries_are_the_same_with_20_and_200_entries(client, catalogs):
    from disclosure.generator import generate

    generate(20)
    few = [steady_queries(client, url) for url in ("/disclosure/catalog/?topic=civil", "/departments/mzj/disclosure/")]
    generate(180)
    assert [
        steady_queries(client, url) for url in ("/disclosure/catalog/?topic=civil", "/departments/mzj/disclosure/")
    ] == few


def test_a_departments_editor_cannot_edit_anothers_entries(client, home):
    from django.urls import reverse

    from .site_group import SiteGroup

    group = SiteGroup(home)
    own = DisclosureEntryPageFactory(parent=group.column(group.a, "disclosure"), title="民政局公开信息")
    other = DisclosureEntryPageFactory(parent=group.column(group.b, "disclosure"), title="教育局公开信息")
    client.force_login(group.editor_a)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    response = client.post(reverse("wagtailadmin_pages:edit", args=[other.pk]), {"title": "改动"})
    assert response.status_code == 403 or response["Location"] == "/admin/"
    other.refresh_from_db()
    assert other.title == "教育局公开信息"
