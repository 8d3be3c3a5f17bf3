"""Every public page type costs at most MAX_QUERIES SQL queries, the same number with a few pages below it or more
than a listing page holds."""

from urllib.parse import urlsplit

from wagtail.models import Page, get_page_models

import pytest

from channels.audiences import Audience
from portal.pages import BasePage

from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ChannelPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    DepartmentServicesPageFactory,
    DisclosureCatalogPageFactory,
    DisclosureEntryPageFactory,
    ScenarioGuidePageFactory,
    ScenarioIndexPageFactory,
    SectionPageFactory,
    ServiceIndexPageFactory,
    ServiceItemPageFactory,
    StandardPageFactory,
    marriage_steps,
    procedure,
)
from .helpers import MAX_QUERIES, assert_constant, queries_for, steady_queries

pytestmark = pytest.mark.django_db


def test_home_page(client, home):
    departments = DepartmentIndexPageFactory(parent=home)
    column = ArticleIndexPageFactory(parent=DepartmentPageFactory(parent=departments))
    home.body = [("latest", {"heading": "政务动态", "source": departments, "count": 8})]
    home.save_revision().publish()

    def add(count):
        for _ in range(count):
            SectionPageFactory(parent=home)
            ChannelPageFactory(parent=home)
            ArticlePageFactory(parent=column)

    assert_constant(client, "/", add)


def test_section_page(client, home):
    section = SectionPageFactory(parent=home, slug="discover")
    assert_constant(client, "/discover/", lambda count: [StandardPageFactory(parent=section) for _ in range(count)])


def test_channel_page(client, home):
    ChannelPageFactory(parent=home, slug="tourist", audience=Audience.TOURIST)
    column = ArticleIndexPageFactory(parent=DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home)))

    def add(count):
        for _ in range(count):
            ArticlePageFactory(parent=column, audiences=[Audience.TOURIST])

    assert_constant(client, "/tourist/", add)


def test_department_index_and_department_page(client, home):
    departments = DepartmentIndexPageFactory(parent=home)
    department = DepartmentPageFactory(parent=departments, slug="mzj")

    def add(count):
        for _ in range(count):
            DepartmentPageFactory(parent=departments)
            column = ArticleIndexPageFactory(parent=department)
            ArticlePageFactory(parent=column)

    assert_constant(client, "/departments/", add)
    assert_constant(client, "/departments/mzj/", add)


def test_article_column(client, home):
    department = DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home), slug="jyj")
    column = ArticleIndexPageFactory(parent=department, slug="news")
    assert_constant(
        client, "/departments/jyj/news/", lambda count: [ArticlePageFactory(parent=column) for _ in range(count)]
    )


def test_scenario_index(client, home):
    index = ScenarioIndexPageFactory(parent=SectionPageFactory(parent=home, slug="services"))
    assert_constant(
        client, "/services/scenarios/", lambda count: [ScenarioGuidePageFactory(parent=index) for _ in range(count)]
    )


def test_service_index_and_department_services(client, home):
    ServiceIndexPageFactory(parent=SectionPageFactory(parent=home, slug="services"))
    department = DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home), slug="mzj")
    column = DepartmentServicesPageFactory(parent=department)

    def add(count):
        for _ in range(count):
            ServiceItemPageFactory(parent=column, audiences=[Audience.CITIZEN])

    assert_constant(client, "/services/items/?audience=citizen&theme=other", add)
    assert_constant(client, "/departments/mzj/services/", add)


def test_service_item_page_with_one_or_many_procedures(client, home):
    department = DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home), slug="mzj")
    column = DepartmentServicesPageFactory(parent=department)
    one = ServiceItemPageFactory(parent=column, slug="one")
    many = ServiceItemPageFactory(parent=column, slug="many", procedures=[procedure(f"流程{n}") for n in range(12)])

    queries_for(client, one.url)
    assert queries_for(client, one.url) == queries_for(client, many.url)


def test_article_with_one_or_many_topics(client, home):
    column = ArticleIndexPageFactory(parent=DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home)))
    one = ArticlePageFactory(parent=column, tags=["婚姻"])
    many = ArticlePageFactory(parent=column, tags=[f"主题{n}" for n in range(12)])

    assert steady_queries(client, one.url) == steady_queries(client, many.url) <= MAX_QUERIES


def test_scenario_guide_with_answers_and_few_or_many_steps(client, home):
    index = ScenarioIndexPageFactory(parent=SectionPageFactory(parent=home, slug="services"))
    few = ScenarioGuidePageFactory(parent=index)
    many = ScenarioGuidePageFactory(parent=index, steps=marriage_steps(extra_steps=30))
    answers = "?identity=one_overseas&photo=no"

    assert steady_queries(client, few.url + answers) == steady_queries(client, many.url + answers) <= MAX_QUERIES


def test_disclosure_entry_with_few_or_many_interpretations(client, home):
    department = DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home), code="11440700007186039H")
    catalog = DisclosureCatalogPageFactory(parent=department)
    policy = DisclosureEntryPageFactory(parent=catalog)
    DisclosureEntryPageFactory(parent=catalog, interprets=[policy])
    few = steady_queries(client, policy.url)
    for _ in range(10):
        DisclosureEntryPageFactory(parent=catalog, interprets=[policy])

    assert steady_queries(client, policy.url) == few <= MAX_QUERIES


def test_every_page_type_of_the_demo_portal_stays_within_the_budget(client, demo_portal):
    over, visited = {}, 0
    for model in get_page_models():
        if not issubclass(model, BasePage):
            continue
        page = Page.objects.type(model).live().filter(locale__language_code="zh-hans").order_by("path").first()
        if page is not None and page.specific_class is model:
            visited += 1
            _, root_url, path = page.get_url_parts()
            queries = steady_queries(client, path, HTTP_HOST=urlsplit(root_url).hostname)
            if queries > MAX_QUERIES:
                over[root_url + path] = queries
    assert visited >= 25
    assert not over, f"pages over {MAX_QUERIES} queries: {over}"
