"""Every public page type costs at most MAX_QUERIES SQL queries, the same number with 5 or 50 pages below it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from channels.audiences import Audience

from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ChannelPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    DepartmentServicesPageFactory,
    ScenarioGuidePageFactory,
    ScenarioIndexPageFactory,
    SectionPageFactory,
    ServiceIndexPageFactory,
    ServiceItemPageFactory,
    StandardPageFactory,
    procedure,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15  # issue #10: any public page, whatever the number of children, entries or steps


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def steady_queries(client, url):
    """The queries of a repeat visit: per-process caches (content types, site root paths) and the layout cache
    (menu, settings) warm, as for every reader but the first after a change."""
    queries_for(client, url)
    return queries_for(client, url)


def assert_constant(client, url, add_pages):
    """Add 5 pages, count the queries of `url`, add 45 more, count again: the counts must match and stay
    within MAX_QUERIES."""
    add_pages(5)
    few = steady_queries(client, url)
    add_pages(45)
    many = steady_queries(client, url)
    assert few == many, f"{url}: {few} queries with 5 pages, {many} with 50"
    assert many <= MAX_QUERIES, f"{url}: {many} queries"


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
