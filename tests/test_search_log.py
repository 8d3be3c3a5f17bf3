"""What readers search for: the query log, its admin reports, and editors' promoted results (热门搜索:
test_hot_search.py)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from search.models import SearchLog

from .factories import ScenarioGuidePageFactory, ScenarioIndexPageFactory, SectionPageFactory
from .site_group import make_user

pytestmark = pytest.mark.django_db
# A closed port: Elasticsearch is configured but unreachable.
UNREACHABLE_ELASTICSEARCH = {
    "default": {
        "BACKEND": "search.elasticsearch",
        "URLS": ["http://127.0.0.1:9"],
        "INDEX_PREFIX": "jm_test_",
        "TIMEOUT": 1,
    },
    "fallback": {"BACKEND": "search.backends"},
}


@pytest.fixture
def guide(home):
    guides = ScenarioIndexPageFactory(parent=SectionPageFactory(parent=home, slug="services"))
    return ScenarioGuidePageFactory(parent=guides, title="结婚登记", slug="marriage")


def search(client, query, **params):
    return client.get("/search/", {"q": query, **params})


def test_each_new_search_is_logged_with_its_number_of_results(client, guide):
    search(client, "结婚登记")
    search(client, "结婚登记", page="2")  # paging through the same search is not a new search
    search(client, "结婚登记", type="guide")  # nor is narrowing it
    search(client, "游艇牌照")
    search(client, "，。")  # nothing searchable: nothing searched
    logged = list(SearchLog.objects.order_by("pk").values_list("query", "results", "language"))
    assert logged == [("结婚登记", 1, "zh-hans"), ("游艇牌照", 0, "zh-hans")]


def test_reports_list_popular_and_zero_result_queries_for_those_allowed(client, guide):
    for query in ["结婚登记", "结婚登记", "结婚登记", "结婚", "游艇牌照", "游艇牌照", "港澳通行证续签"]:
        search(client, query)
    SearchLog.objects.create(
        query="旧的搜索", language="zh-hans", results=0, searched_at=timezone.now() - timedelta(60)
    )
    admin = get_user_model().objects.create_superuser("admin", password="pw")
    client.force_login(admin)

    popular = client.get("/admin/reports/popular-queries/").content.decode()
    assert popular.index("结婚登记") < popular.index("游艇牌照") < popular.index("港澳通行证续签")
    zero = client.get("/admin/reports/zero-result-queries/").content.decode()
    assert "游艇牌照" in zero and "港澳通行证续签" in zero
    assert "结婚登记" not in zero and "旧的搜索" not in zero
    response = client.get("/admin/reports/zero-result-queries/?export=csv")
    export = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "游艇牌照,2," in export

    client.force_login(make_user("editor"))
    assert client.get("/admin/reports/zero-result-queries/").status_code in (302, 403)


def test_promotions_show_editors_picks_above_results_in_either_script(client, guide, home):
    pick = SectionPageFactory(parent=home, title="婚姻登记预约", slug="booking")
    SearchPromotion.objects.create(query=Query.get("结婚"), page=pick, description="在线预约结婚登记时间", sort_order=0)
    html = search(client, "結婚").content.decode()
    promoted = html.split('class="search-promotions"', 1)[1].split("</section>", 1)[0]
    assert "婚姻登记预约" in promoted and "在线预约结婚登记时间" in promoted
    assert Query.get("结婚").hits == 1  # the log editors choose promotions from counts Simplified and Traditional alike


@override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE_ELASTICSEARCH)
def test_an_unreachable_elasticsearch_falls_back_to_the_database(client, guide, caplog):
    response = search(client, "结婚")
    assert response.status_code == 200
    assert "结婚登记" in response.content.decode().split('<ol class="search-results"', 1)[1]
    assert "Search engine unreachable" in caplog.text
    # Publishing still works while Elasticsearch is down, and the database finds the new page.
    ScenarioGuidePageFactory(parent=guide.get_parent(), title="离婚登记", slug="divorce")
    assert "离婚登记" in search(client, "离婚").content.decode()  # straight to the database for a while
