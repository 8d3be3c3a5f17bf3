"""The relevance set: what citizens type, and the page that must come in the first three results.

Run against the demo portal (`load_demo`), on SQLite and on PostgreSQL alike; `bench/search.py` reports the
mean reciprocal rank of the same set at city scale.
"""

import re

from wagtail.models import Locale, Page

import pytest

pytestmark = pytest.mark.django_db
TOP = 3

# (query, title of the page expected in the top three), in Simplified and Traditional script, mixed,
# with stray spaces and full-width characters, as readers type them.
RELEVANCE_SET = [
    ("结婚", "结婚登记"),
    ("结婚登记", "结婚登记"),
    ("結婚登記", "结婚登记"),
    ("婚姻登记", "结婚登记"),
    ("怎么办理结婚登记？", "结婚登记"),
    ("结 婚 登 记", "结婚登记"),
    ("离婚", "内地居民离婚登记"),
    ("外国人 婚姻登记", "内地居民与外国人、港澳台居民、华侨婚姻登记"),
    ("怀孕", "怀孕生育"),
    ("出生医学证明", "出生医学证明首次签发"),
    ("出生醫學證明", "出生医学证明首次签发"),
    ("小孩上学", "小孩上学"),
    ("小孩 上学", "小孩上学"),
    ("積分入學", "来江务工人员随迁子女积分入学申请"),
    ("新生入学报名", "义务教育阶段新生入学报名"),
    ("户口迁移", "户口迁移（迁入）"),
    ("戶籍辦理", "户籍办理"),
    ("身份证 换领", "居民身份证换领"),
    ("居住证", "居住证申领"),
    ("养老保险", "养老保险"),
    ("養老保險", "养老保险"),
    ("养老 保险", "养老保险"),
    ("退休", "退休“一件事”"),
    ("灵活就业参保", "灵活就业人员参保登记"),
    ("驾驶证", "机动车驾驶证申领（初次申领）"),
    ("人才引进", "人才引进"),
    ("人才補貼", "新引进人才生活补贴申领"),
    ("旅游观光", "旅游观光"),
    ("开平碉楼", "开平碉楼迎来秋季旅游旺季 国庆假期游客量同比增长"),
    ("開平碉樓", "开平碉楼迎来秋季旅游旺季 国庆假期游客量同比增长"),
    ("侨批", "中国侨都"),
    ("寻根问祖", "海外侨胞寻根问祖服务"),
    ("华侨身份认定", "华侨身份认定"),
    ("企业设立登记", "企业设立登记"),
    ("食品经营许可", "食品经营许可"),
    ("不动产登记", "不动产登记资料查询"),
    ("优化住房公积金政策", "关于优化住房公积金政策支持刚性和改善性住房需求的通知"),
    ("公共租赁住房", "公共租赁住房资格申请"),
    ("施工许可证", "建筑工程施工许可证核发"),
    ("最低生活保障", "《江门市最低生活保障办法》政策解读"),
    ("台山", "2026年中国农民丰收节江门活动在台山举行"),
    ("新会陈皮", "新会陈皮产业持续壮大 全产业链产值超250亿元"),
    ("２０２６江门马拉松", "2026江门马拉松将于12月开跑 报名工作正式启动"),
    ("流感疫苗", "我市启动2026—2027年度流感疫苗接种工作"),
    ("渔业捕捞", "渔业捕捞许可"),
    ("宅基地", "江门市农村宅基地审批管理实施办法"),
    ("非物质文化遗产", "关于公布第八批江门市非物质文化遗产代表性项目名录的通知"),
    ("一网通办", "企业开办“一网通办”再提速 全流程1个工作日内办结"),
    ("养犬", "《江门市养犬管理规定（征求意见稿）》公开征求意见"),
    ("长者饭堂", "居家养老服务怎么享？——市民政局局长谈长者饭堂和家庭养老床位"),
    ("民政局", "江门市民政局"),
]

# Guides translated in the English tree: (slug, English title, summary), and the English queries.
ENGLISH_GUIDES = [
    ("marriage", "Marriage registration", "How couples register a marriage in Jiangmen: booking, documents, office."),
    ("school", "Starting school", "School enrolment for children: primary and junior secondary places."),
    ("pension", "Pension insurance", "Joining the basic pension insurance and claiming a pension."),
    ("hukou", "Household registration", "Moving your hukou to Jiangmen, births and identity cards."),
    ("talent", "Talent introduction", "Settling in Jiangmen as a talent: subsidies and residence."),
]
ENGLISH_SET = [
    ("marriage registration", "Marriage registration"),
    ("Marriage", "Marriage registration"),
    ("school enrolment", "Starting school"),
    ("pension", "Pension insurance"),
    ("household registration", "Household registration"),
    ("talent subsidies", "Talent introduction"),
]


def shown_titles(client, prefix, query):
    response = client.get(f"{prefix}/search/", {"q": query})
    assert response.status_code == 200, query
    results = response.content.decode().split('<ol class="search-results"', 1)
    return re.findall(r'class="search-result__title" href="[^"]*">([^<]*)<', results[-1]) if len(results) > 1 else []


def translate_guides_into_english():
    english = Locale.objects.get(language_code="en")
    for slug, title, summary in ENGLISH_GUIDES:
        guide = Page.objects.get(locale__language_code="zh-hans", slug=slug).specific
        translation = guide.get_translation_or_none(english)  # load_demo translates some guides already
        translation = translation.specific if translation else guide.copy_for_translation(english, copy_parents=True)
        translation.title, translation.summary = title, summary
        translation.save_revision().publish()
        for ancestor in translation.get_ancestors().filter(depth__gt=1, live=False):
            ancestor.specific.save_revision().publish()


def misses(client, prefix, queries):
    """The queries whose expected page is not in the top three, with what came instead."""
    found = {query: shown_titles(client, prefix, query)[:TOP] for query, _ in queries}
    return [(query, expected, found[query]) for query, expected in queries if expected not in found[query]]


def test_the_relevance_set_finds_each_expected_page_in_the_top_three(client, demo_portal):
    translate_guides_into_english()
    assert len(RELEVANCE_SET) + len(ENGLISH_SET) >= 40
    assert misses(client, "", RELEVANCE_SET) == []
    assert misses(client, "/en", ENGLISH_SET) == []
