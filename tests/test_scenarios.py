"""Scenario guides show each reader only the steps and materials for their situation."""

import re

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from channels.audiences import Audience
from channels.models import PageAudience
from home.models import Office
from scenarios.models import ScenarioGuidePage

from .factories import (
    ChannelPageFactory,
    ScenarioGuidePageFactory,
    ScenarioIndexPageFactory,
    SectionPageFactory,
    marriage_steps,
    step,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return ScenarioIndexPageFactory(parent=SectionPageFactory(parent=home, slug="services"))


@pytest.fixture
def guide(index):
    return ScenarioGuidePageFactory(parent=index, slug="marriage")


URL = "/services/scenarios/marriage/"


def steps_and_checklist(html):
    """The step titles shown, and the merged checklist's material names."""
    steps = re.findall(r'class="step__number">\d+</span>([^<]+)</h3>', html)
    checklist = html.split('class="checklist__items"')[1].split("</ul>")[0]
    names = re.findall(r'aria-hidden="true"></span>([^<]+?) <span', checklist)
    return steps, names


def test_two_answer_sets_give_different_steps_and_materials(client, guide):
    mainland, mainland_materials = steps_and_checklist(
        client.get(URL, {"hukou": "mainland", "photo": "yes"}).content.decode()
    )
    overseas, overseas_materials = steps_and_checklist(
        client.get(URL, {"hukou": "overseas", "photo": "no"}).content.decode()
    )
    assert mainland == ["网上预约", "准备材料", "内地婚姻登记"]
    assert overseas == ["网上预约", "准备材料", "拍摄合影", "涉外婚姻登记"]
    assert "护照" not in mainland_materials and "护照" in overseas_materials
    assert "近期半身免冠合影照片" in overseas_materials


def test_checklist_lists_each_material_once(client, guide):
    _, materials = steps_and_checklist(client.get(URL, {"hukou": "overseas"}).content.decode())
    assert materials.count("居民身份证") == 1
    assert len(materials) == len(set(materials))


def test_without_answers_every_step_shows_with_its_condition(client, guide):
    html = client.get(URL).content.decode()
    steps, _ = steps_and_checklist(html)
    assert len(steps) == 5
    assert "仅适用于：双方是否均为内地居民？——一方为华侨或外国人" in html


@pytest.mark.parametrize(
    "query",
    [
        "?unknown=1",
        "?hukou=martian",
        "?hukou=" + "x" * 10_000,
        "?hukou=mainland&hukou=overseas",
        "?hukou=%00%ff",
        "?photo=<script>alert(1)</script>",
    ],
)
def test_bad_query_strings_show_the_full_guide_with_a_notice(client, guide, query):
    response = client.get(URL + query)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="notice" role="status"' in html
    assert len(steps_and_checklist(html)[0]) == 5
    assert "<script>alert(1)</script>" not in html


def test_personalised_url_and_qr_code_carry_the_answers(client, guide):
    html = client.get(URL, {"hukou": "overseas"}).content.decode()
    assert "http://testserver/services/scenarios/marriage/?hukou=overseas" in html
    assert "<svg" in html and "<path" in html


def test_a_condition_naming_a_missing_question_or_answer_is_refused(index):
    guide = ScenarioGuidePageFactory.build(
        slug="broken", steps=[step("办理", conditions=[{"question": "hukuo", "answers": "mainland"}])]
    )
    with pytest.raises(ValidationError) as error:
        guide.full_clean()
    assert "不存在的问题代码“hukuo”" in str(error.value)

    guide.steps = [step("办理", conditions=[{"question": "hukou", "answers": "mainland,abroad"}])]
    with pytest.raises(ValidationError) as error:
        guide.full_clean()
    assert "不存在的答案代码“abroad”" in str(error.value)


def test_query_count_does_not_grow_with_the_number_of_steps(client, index):
    office = Office.objects.create(name="江门市婚姻登记处", address="江门市蓬江区")

    def count(slug, extra_steps):
        steps = marriage_steps(extra_steps)
        for _, value in steps:
            value["office"] = office
        ScenarioGuidePageFactory(parent=index, slug=slug, steps=steps)
        client.get(f"/services/scenarios/{slug}/")
        with CaptureQueriesContext(connection) as context:
            assert client.get(f"/services/scenarios/{slug}/", {"hukou": "overseas"}).status_code == 200
        return len(context.captured_queries)

    assert count("five", 0) == count("forty", 35)


def test_api_returns_questions_and_structured_steps(client, guide):
    response = client.get(f"/api/v2/pages/{guide.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["questions"][0]["value"]["key"] == "hukou"
    step = data["steps"][3]["value"]
    assert step["title"] == "涉外婚姻登记"
    assert step["conditions"] == [{"question": "hukou", "answers": ["overseas"]}]
    assert step["materials"][0]["name"] == "居民身份证"
    listing = client.get("/api/v2/pages/", {"type": "scenarios.ScenarioGuidePage", "fields": "steps"}).json()
    assert listing["meta"]["total_count"] == 1


def test_index_groups_guides_and_filters_by_audience(client, index):
    tourism = ScenarioGuidePageFactory(parent=index, title="旅游观光", slug="tourism", life_event="tourism")
    ScenarioGuidePageFactory(parent=index, title="结婚登记", slug="marriage", life_event="family")
    tourism.audience_links = [PageAudience(audience=Audience.TOURIST)]
    tourism.save_revision().publish()
    html = client.get("/services/scenarios/").content.decode()
    assert "旅游观光" in html and "结婚登记" in html and "婚育家庭" in html
    html = client.get("/services/scenarios/", {"audience": "tourist"}).content.decode()
    assert "旅游观光" in html and ">结婚登记</a>" not in html


def test_channel_shows_guides_for_its_audience(client, home, index):
    ChannelPageFactory(parent=home, slug="tourist", audience=Audience.TOURIST)
    guide = ScenarioGuidePageFactory(parent=index, title="旅游观光", slug="tourism")
    guide.audience_links = [PageAudience(audience=Audience.TOURIST)]
    guide.save_revision().publish()
    assert "旅游观光" in client.get("/tourist/").content.decode()
    assert ScenarioGuidePage.objects.live().filter(locale=guide.locale).count() == 1  # and its zh-hant version


def test_checklist_asks_for_original_and_copy_when_steps_differ(client, guide):
    html = client.get(URL, {"hukou": "overseas"}).content.decode()
    checklist = html.split('class="checklist__items"')[1].split("</ul>")[0]
    assert '居民身份证 <span class="materials__form">原件及复印件 2 份' in checklist
