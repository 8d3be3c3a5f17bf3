"""搜问一体 on the demo portal: answers quoted from the portal's own fields, corrections, letters, clean extracts."""

import html as markup
import re

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from interaction.models import Case
from scenarios.models import ScenarioGuidePage
from search.models import SearchLog, Synonym
from search.routing import suggest
from services.models import ServiceItemPage

pytestmark = pytest.mark.django_db

# How citizens ask for each fact an answer card can give.
ASKED = {
    "materials": "要带什么材料",
    "where": "在哪里办",
    "fee": "多少钱",
    "time": "要多久",
    "conditions": "需要什么条件",
    "online": "可以网上办吗",
    "steps": "怎么办理",
}


def search(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200, query
    return response.content.decode()


def card(html):
    """The answer card's text (tags removed, entities read), or ""."""
    found = re.search(r'<section class="answer-card".*?</section>', html, re.S)
    return markup.unescape(re.sub(r"<[^>]+>", " ", found.group(0))) if found else ""


def card_heading(html):
    found = re.search(r'answer-card__heading">([^<]*)<', html)
    return markup.unescape(found.group(1)) if found else ""


def result_titles(html):
    results = html.split('<ol class="search-results"', 1)
    return re.findall(r'class="search-result__title" href="[^"]*">([^<]*)<', results[1]) if len(results) > 1 else []


def test_every_item_and_guide_answers_each_question_its_fields_can_answer(client, demo_portal):
    pages = [
        *ServiceItemPage.objects.live().filter(locale__language_code="zh-hans"),
        *ScenarioGuidePage.objects.live().filter(locale__language_code="zh-hans"),
    ]
    assert len(pages) >= 50
    wrong, asked = [], 0
    for page in pages:
        facts = page.answer_facts()
        for intent, question in ASKED.items():
            if not facts["offices" if intent == "where" else intent] and not (intent == "where" and facts["online"]):
                continue
            asked += 1
            html = search(client, page.title + question)
            if not card_heading(html).startswith(f"{page.title}："):
                wrong.append((page.title, intent, card_heading(html)))
    assert asked >= 300
    assert wrong == []


def test_the_card_quotes_the_guides_own_fields_with_its_page_and_date(client, demo_portal):
    html = search(client, "结婚登记要带什么")
    text = card(html)
    assert card_heading(html) == "结婚登记：需要什么材料"
    assert "居民身份证（1 份）" in text and "《申请结婚登记声明书》" in text
    guide = ScenarioGuidePage.objects.get(locale__language_code="zh-hans", slug="marriage")
    assert f'{guide.get_url_parts()[2]}">结婚登记</a>' in html
    assert guide.last_reviewed.isoformat() in text
    assert result_titles(html)[0] == "结婚登记"  # the results follow the card


def test_a_fee_question_quotes_the_items_fee_and_a_place_chooses_the_offices(client, demo_portal):
    fee = card(search(client, "驾照多少钱"))
    assert "机动车驾驶证申领（初次申领）" in fee and "驾驶证工本费10元" in fee
    where = card(search(client, "台山结婚登记在哪里"))
    assert "台山市婚姻登记处" in where and "0750-5528126" in where and "舜德路62号" in where
    assert "新会区婚姻登记处" not in where
    everywhere = card(search(client, "结婚登记在哪里办"))
    assert "新会区婚姻登记处" in everywhere and "台山市婚姻登记处" in everywhere


def test_when_no_page_answers_the_card_says_so_and_offers_the_12345_form_with_the_question(client, demo_portal):
    html = search(client, "港澳通行证要带什么")
    assert "没有找到能直接回答这个问题的办事信息" in card(html)
    link = re.search(r'href="([^"]*\?title=[^"]*)">写信咨询 12345', html).group(1)
    form = client.get(markup.unescape(link)).content.decode()
    assert 'value="港澳通行证要带什么"' in form


def test_a_query_without_a_question_gets_no_card(client, demo_portal):
    assert card(search(client, "结婚登记")) == ""


@pytest.mark.parametrize("typed", ["结昏登记", "jiehun", "jhdj", "結昏登記"])
def test_typos_and_pinyin_lead_to_the_marriage_guide_with_a_way_back(client, demo_portal, typed):
    html = search(client, typed)
    assert "结婚登记" in result_titles(html)[:2]
    assert "您是不是要找：" in html
    back = re.search(r'href="([^"]*exact=1)"', html).group(1)
    assert "您是不是要找：" not in client.get(markup.unescape(back)).content.decode()


def test_colloquial_names_lead_to_the_service(client, demo_portal):
    assert result_titles(search(client, "低保申请"))[0] == "江门市最低生活保障办法"
    assert result_titles(search(client, "身份证过期了"))[0] == "居民身份证换领"
    assert result_titles(search(client, "开网约车"))[0] == "网络预约出租汽车运输证核发"


def test_a_synonym_an_editor_adds_is_used_by_the_next_search(client, demo_portal):
    assert "旅行社设立许可" not in result_titles(search(client, "开旅游公司"))[:1]
    Synonym.objects.create(term="旅行社设立许可", variants="开旅游公司、办旅行社")
    assert result_titles(search(client, "开旅游公司"))[0] == "旅行社设立许可"


def test_editors_keep_synonyms_in_the_admin(client, demo_portal):
    client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    listing = client.get(reverse("wagtailsnippets_search_synonym:list"), {"q": "低保"}).content.decode()
    assert "最低生活保障" in listing and "低保户" in listing


def test_published_letters_are_found_by_their_words_in_their_masked_text(client, demo_portal):
    html = search(client, "高龄津贴")
    letters = re.findall(r'search-letter__title" href="([^"]*)">([^<]*)<', html)
    assert ("为八十岁父亲申请高龄津贴" in [title for _, title in letters]) and "相关公开信件" in html
    letter = Case.objects.get(title="为八十岁父亲申请高龄津贴")
    assert "440722194709191526" not in html and letter.phone not in html and letter.name not in html
    url = {title: url for url, title in letters}["为八十岁父亲申请高龄津贴"]
    assert client.get(url).status_code == 200
    assert "楼上装修周末早上七点就开始电钻施工" in search(client, "噪音投诉")
    unpublished = Case.objects.get(title="结婚登记是否需要提前预约")  # no consent to publish
    assert unpublished.title not in re.findall(r'search-letter__title" href="[^"]*">([^<]*)<', search(client, "预约"))


def test_extracts_never_show_the_editors_answer_codes(client, demo_portal):
    for query in ["双方均为内地居民", "户口", "户籍办理", "结婚登记"]:
        snippets = " ".join(re.findall(r'search-result__snippet">(.*?)</p>', search(client, query), re.S))
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", snippets), (query, snippets)
        assert "both_gd" not in snippets and "hukou" not in snippets


def test_searches_that_find_nothing_are_logged_for_the_zero_result_report(client, demo_portal):
    html = search(client, "qwxyzzy")
    assert "没有找到相关内容" in html
    assert SearchLog.objects.get(query="qwxyzzy").results == 0


def test_the_desk_sees_a_suggested_department_for_a_new_letter(client, demo_portal):
    assert suggest("营业执照变更窗口多次要求补交同一份材料")[0].department.title == "江门市市场监督管理局"
    assert "江门市交通运输局" in [found.department.title for found in suggest("建议增开江门站至五邑大学的直达公交")]
    client.force_login(get_user_model().objects.get(username="desk12345"))
    letter = Case.objects.get(title="初三学生体育中考项目怎么选")
    page = client.get(reverse("cases:inspect", args=[letter.pk])).content.decode()
    assert "建议转办" in page and "江门市教育局" in page.split("建议转办", 1)[1].split("</div>", 1)[0]
