"""The search page: Chinese words found inside sentences in either script, facets, order, bad input, updates."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from departments.models import ArticlePage

from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    DepartmentServicesPageFactory,
    DisclosureCatalogPageFactory,
    DisclosureEntryPageFactory,
    ScenarioGuidePageFactory,
    ScenarioIndexPageFactory,
    SectionPageFactory,
    ServiceItemPageFactory,
    StandardPageFactory,
)
from .helpers import FEW, MANY
from .worlds import world

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def titles(response):
    """Result titles in the order shown (promotions excluded)."""
    html = response.content.decode()
    results = html.split('<ol class="search-results"', 1)
    return re.findall(r'class="search-result__title" href="[^"]*">([^<]*)<', results[1]) if len(results) > 1 else []


def facet_counts(response, name):
    """{label: count} of one facet as shown in the sidebar."""
    html = response.content.decode()
    section = html.split(f'<h2 class="search-facet__heading">{name}</h2>', 1)[1].split("</section>", 1)[0]
    return {
        label.strip(): int(count)
        for label, count in re.findall(r'>([^<>]+) <span class="search-facet__count">(\d+)</span>', section)
    }


@world
def search_portal(home):
    """A small portal: the marriage guide, a 民政局 service item, news and disclosure in two departments."""
    services = SectionPageFactory(parent=home, title="网上办事", slug="services")
    guides = ScenarioIndexPageFactory(parent=services)
    guide = ScenarioGuidePageFactory(
        parent=guides,
        title="结婚登记",
        slug="marriage",
        summary="内地居民在江门办理结婚登记：预约、材料、到婚姻登记处现场办理。",
    )
    ScenarioGuidePageFactory(
        parent=guides, title="小孩上学", slug="school", summary="适龄儿童入读公办小学和初中的报名与学位申请。"
    )
    departments = DepartmentIndexPageFactory(parent=home)
    civil = DepartmentPageFactory(parent=departments, title="江门市民政局", slug="mzj")
    ServiceItemPageFactory(
        parent=DepartmentServicesPageFactory(parent=civil),
        title="内地居民结婚登记",
        slug="marriage-registration",
        summary="男女双方均为内地居民的，共同到一方户口所在地婚姻登记机关申请结婚登记。",
    )
    news = ArticleIndexPageFactory(parent=civil)
    ArticlePageFactory(
        parent=news,
        title="七夕当天全市婚姻登记处延长服务时间",
        slug="qixi",
        summary="台山市、开平市婚姻登记处七夕当天延时办理结婚登记。",
        first_published_at=datetime(2025, 8, 29, 9, tzinfo=SHANGHAI),
    )
    education = DepartmentPageFactory(parent=departments, title="江门市教育局", slug="jyj")
    catalog = DisclosureCatalogPageFactory(parent=education)
    entry = DisclosureEntryPageFactory(
        parent=catalog,
        title="关于2026年义务教育阶段学校招生工作的通知",
        summary="明确公办学校招生范围和结婚证明等材料要求。",
    )
    entry.first_published_at = datetime(2026, 3, 2, 10, tzinfo=SHANGHAI)
    entry.save()
    return guide


@pytest.fixture
def portal(search_portal):
    return search_portal


@pytest.fixture
def english_guide(portal):
    """The marriage guide translated into English, published in the en locale."""
    english = portal.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "Marriage registration"
    english.summary = "How residents of the mainland register a marriage in Jiangmen: booking, documents, the office."
    english.save_revision().publish()
    for ancestor in english.get_ancestors().filter(depth__gt=1, live=False):
        ancestor.specific.save_revision().publish()
    return english


@pytest.mark.parametrize("query", ["结婚", "结婚登记", "結婚登記", "婚姻登记", "  结婚　登记 ", "ＪＩＥＨＵＮ 结婚"])
def test_chinese_queries_put_the_marriage_guide_in_the_top_three(client, portal, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "结婚登记" in titles(response)[:3]


def test_english_readers_find_the_english_guide_in_english(client, english_guide):
    response = client.get("/en/search/", {"q": "marriage registration"})
    assert response.status_code == 200
    assert titles(response)[:1] == ["Marriage registration"]
    assert "结婚登记" not in titles(client.get("/en/search/", {"q": "结婚登记"}))  # only the reader's language


def test_a_county_name_finds_pages_that_mention_its_city(client, portal):
    response = client.get("/search/", {"q": "台山"})
    assert titles(response) == ["七夕当天全市婚姻登记处延长服务时间"]
    assert "<mark>台山</mark>市" in response.content.decode()


def test_results_show_type_department_date_and_a_highlighted_extract(client, portal):
    html = client.get("/search/", {"q": "结婚登记"}).content.decode()
    item = html.split("内地居民结婚登记</a>", 1)[1].split("</li>", 1)[0]
    assert "办事事项" in item and "江门市民政局" in item
    assert "<mark>结婚登记</mark>" in item
    news = html.split("七夕当天全市婚姻登记处延长服务时间</a>", 1)[1].split("</li>", 1)[0]
    assert "新闻动态" in news and '<time datetime="2025-08-29">' in news


@pytest.mark.parametrize("query", ["，。！？……", "!!!", "“”《》", "结婚" * 1000])
def test_punctuation_only_or_overlong_queries_give_an_empty_page_with_a_message(client, portal, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert titles(response) == []
    assert 'role="alert"' in response.content.decode()


def test_engine_syntax_in_a_query_is_read_as_text(client, portal):
    for query in ['结婚" OR 1=1', "结婚*", "(结婚) AND NOT", "结婚^登记", "NEAR(结婚 登记)", "结婚\x00登记"]:
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        assert "结婚登记" in titles(response)


@pytest.mark.parametrize("params", [{"type": "nonsense"}, {"year": "20x6"}, {"department": "mzj"}, {"sort": "rank"}])
def test_unknown_filters_are_refused_with_a_message(client, portal, params):
    response = client.get("/search/", {"q": "结婚", **params})
    assert response.status_code == 400
    assert "无法识别" in response.content.decode()


def test_facet_counts_equal_the_results_of_each_facet_value(client, portal):
    response = client.get("/search/", {"q": "结婚"})
    total = len(titles(response))
    kinds = facet_counts(response, "类型")
    assert kinds == {"场景式服务": 1, "办事事项": 1, "新闻动态": 1, "信息公开": 1}
    assert sum(kinds.values()) == total
    html = response.content.decode()
    for facet in ["类型", "部门", "年份"]:
        section = html.split(f'<h2 class="search-facet__heading">{facet}</h2>', 1)[1].split("</section>", 1)[0]
        for url, count in re.findall(
            r'<a href="(\?[^"]*)">[^<]+<span class="search-facet__count">(\d+)</span>', section
        ):
            narrowed = client.get("/search/" + url.replace("&amp;", "&"))
            assert narrowed.status_code == 200
            assert len(titles(narrowed)) == int(count), (facet, url)
    assert facet_counts(response, "部门") == {"江门市民政局": 2, "江门市教育局": 1}
    assert facet_counts(response, "年份") == {"2026年": 1, "2025年": 1}


def test_pages_holding_every_word_are_the_results_and_any_word_only_when_none_does(client, portal):
    assert titles(client.get("/search/", {"q": "台山 结婚"})) == ["七夕当天全市婚姻登记处延长服务时间"]
    assert sorted(titles(client.get("/search/", {"q": "台山 小学"}))) == [
        "七夕当天全市婚姻登记处延长服务时间",
        "小孩上学",
    ]


def test_results_can_be_ordered_by_date(client, portal):
    shown = titles(client.get("/search/", {"q": "结婚", "sort": "date"}))
    assert shown[:2] == ["关于2026年义务教育阶段学校招生工作的通知", "七夕当天全市婚姻登记处延长服务时间"]


def test_results_are_paginated(client, portal):
    column = ArticleIndexPageFactory(parent=DepartmentPageFactory(parent=portal.get_parent().get_parent().get_parent()))
    for n in range(25):
        ArticlePageFactory(parent=column, title=f"侨批档案展第{n}期", summary="五邑侨批档案展览")
    first = client.get("/search/", {"q": "侨批"})
    second = client.get("/search/", {"q": "侨批", "page": "2"})
    assert len(titles(first)) == 20 and len(titles(second)) == 5
    assert "第 2 页，共 2 页" in second.content.decode()
    assert client.get("/search/", {"q": "侨批", "page": "99"}).status_code == 200


def test_publishing_editing_and_unpublishing_update_the_results(client, portal):
    column = ArticleIndexPageFactory(parent=DepartmentPageFactory(parent=portal.get_parent().get_parent().get_parent()))
    article = column.add_child(
        instance=ArticlePage(title="新会陈皮村开放日", slug="chenpi", summary="欢迎市民参观", live=False)
    )
    assert titles(client.get("/search/", {"q": "陈皮"})) == []

    article.save_revision().publish()
    assert titles(client.get("/search/", {"q": "陈皮"})) == ["新会陈皮村开放日"]

    article.title = "新会柑橘文化节"
    article.summary = "文化节期间开放果园"
    article.save_revision().publish()
    assert titles(client.get("/search/", {"q": "陈皮"})) == []
    assert titles(client.get("/search/", {"q": "柑橘"})) == ["新会柑橘文化节"]

    article.refresh_from_db()
    article.unpublish()
    assert titles(client.get("/search/", {"q": "柑橘"})) == []


def test_the_search_page_runs_in_a_constant_number_of_queries(client, portal):
    """However many results, one query per page type shown on the screen (for the specific pages)."""
    column = ArticleIndexPageFactory(parent=DepartmentPageFactory(parent=portal.get_parent().get_parent().get_parent()))

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/search/", {"q": "碉楼"}).status_code == 200
        return len(context.captured_queries)

    def add_articles(count):
        for n in range(count):
            ArticlePageFactory(parent=column, title=f"开平碉楼{n}", summary="碉楼文化")

    add_articles(FEW)
    queries()  # warm per-process caches (content types, site root paths)
    few = queries()
    add_articles(MANY - FEW)
    queries()  # publishing forgot the cached layout (menu, settings): the first visit rebuilds it
    assert queries() == few
    StandardPageFactory(parent=portal.get_parent(), title="碉楼与村落", summary="世界文化遗产")
    queries()
    assert queries() <= few + 1  # a further page type on the screen costs at most one query
