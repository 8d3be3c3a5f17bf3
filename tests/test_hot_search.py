"""热门搜索 shows what many readers looked for, and nobody can steer it: one address searching an advert 150 times
is one reader, listed 错敏字词 and blocked terms never show, and 门户管理员 pin or block terms in the admin."""

from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse

import pytest

from departments.access import CENTRAL_REVIEWERS, PORTAL_ADMINS, ensure_central_groups
from departments.models import SensitiveExpression
from search.models import HotSearchTerm, SearchLog

from .factories import ScenarioGuidePageFactory, ScenarioIndexPageFactory, SectionPageFactory
from .site_group import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home")]
ADVERT = "代开发票加微信88888"


def searched(query, readers, searches_each=1, language="zh-hans"):
    """Log `query` as searched `searches_each` times by each of `readers` different readers, with results."""
    SearchLog.objects.bulk_create(
        SearchLog(query=query, language=language, results=3, client=f"reader{number}")
        for number in range(readers)
        for _ in range(searches_each)
    )


def hot_searches(client):
    """The 热门搜索 links of the home page, in order ([] when the page shows none)."""
    html = client.get("/").content.decode()
    if "hot-searches__list" not in html:
        return []
    links = html.split('class="hot-searches__list">', 1)[1].split("</ul>", 1)[0]
    return [link.split("</a>", 1)[0] for link in links.split('">')[1:]]


def test_the_search_page_logs_who_searched_as_a_hash_of_the_address(client, home):
    guides = ScenarioIndexPageFactory(parent=SectionPageFactory(parent=home, slug="services"))
    ScenarioGuidePageFactory(parent=guides, title="结婚登记", slug="marriage")
    for address in ["10.0.0.1", "10.0.0.1", "10.0.0.2"]:
        client.get("/search/", {"q": "结婚登记"}, REMOTE_ADDR=address)

    readers = list(SearchLog.objects.order_by("pk").values_list("client", flat=True))
    assert readers[0] == readers[1] != readers[2]
    assert all(len(reader) == 16 and "10.0.0" not in reader for reader in readers)


@override_settings(HOT_SEARCH_MIN_CLIENTS=5)
def test_one_address_searching_an_advert_150_times_does_not_make_it_hot(client):
    searched(ADVERT, readers=1, searches_each=150)
    searched("社保查询", readers=5)
    searched("公积金提取", readers=4, searches_each=10)  # many searches, too few readers

    assert hot_searches(client) == ["社保查询"]


def test_the_most_readers_come_first_whatever_they_typed_again(client):
    searched("结婚登记", readers=6)
    searched("护照办理", readers=8)
    searched("港澳通行证", readers=5, searches_each=20)
    searched("游艇牌照", readers=9)
    SearchLog.objects.filter(query="游艇牌照").update(results=0)  # found nothing: not suggested

    assert hot_searches(client) == ["护照办理", "结婚登记", "港澳通行证"]
    assert "护照办理</a>" in client.get("/search/").content.decode()  # the search page suggests them too


def test_sensitive_expressions_and_blocked_terms_never_show_in_any_spelling(client):
    SensitiveExpression.objects.create(expression="赌博", kind=SensitiveExpression.Kind.SENSITIVE)
    HotSearchTerm.objects.create(query="代开发票", action=HotSearchTerm.Action.BLOCK)
    for query in ["网上赌博平台", "代 开 发 票", "代開發票", "ＤＡＩ代开发票", "不动产登记"]:
        searched(query, readers=6)

    assert hot_searches(client) == ["不动产登记"]


def test_pinned_terms_come_first_in_their_language(client):
    searched("社保查询", readers=6)
    HotSearchTerm.objects.create(query="养老金认证", sort_order=2)
    HotSearchTerm.objects.create(query="新生儿入户", sort_order=1)
    HotSearchTerm.objects.create(query="passport", language="en")

    assert hot_searches(client) == ["新生儿入户", "养老金认证", "社保查询"]


def test_portal_admins_pin_and_block_terms_in_the_admin_and_the_home_page_follows(client):
    ensure_central_groups()
    searched(ADVERT, readers=30)
    assert hot_searches(client) == [ADVERT]  # spread by many addresses: editors step in
    client.force_login(make_user("portal_admin", Group.objects.get(name=PORTAL_ADMINS)))
    add = reverse("wagtailsnippets_search_hotsearchterm:add")

    client.post(add, {"query": "代开发票", "action": "block", "language": "", "sort_order": 0, "note": "广告"})
    client.post(add, {"query": "政务服务好差评", "action": "pin", "language": "zh-hans", "sort_order": 0})

    assert set(HotSearchTerm.objects.values_list("query", flat=True)) == {"代开发票", "政务服务好差评"}
    assert client.get("/").status_code == 200
    assert hot_searches(client) == ["政务服务好差评"]


def test_other_staff_cannot_change_hot_searches(client):
    ensure_central_groups()
    client.force_login(make_user("central_reviewer", Group.objects.get(name=CENTRAL_REVIEWERS)))
    client.post(reverse("wagtailsnippets_search_hotsearchterm:add"), {"query": "广告", "action": "pin"})
    assert not HotSearchTerm.objects.exists()
