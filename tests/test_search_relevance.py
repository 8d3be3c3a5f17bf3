"""The relevance set: what citizens type, and the page that must come in the first three results.

Run against the demo portal (`load_demo`), on SQLite and on PostgreSQL alike; `bench/search.py` reports the
mean reciprocal rank and the top-3 share of the same set at city scale.

`RELEVANCE_SET` holds the documents' own words; `CITIZEN_SET` the way citizens ask (questions, colloquial names,
typos, Traditional script, pinyin, English on the Chinese site), read through the demo's 同义词 and the pinyin of
the portal's services; `LETTER_SET` words of published 12345 letters, ranked among the letters the search page
shows (相关公开信件). Add a query whenever a reader's search fails (报表 → 无结果搜索词).
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

CITIZEN_SET = [
    # Questions: what to bring, where, how much, how long, how
    ("结婚登记要带什么材料", "结婚登记"),
    ("结婚证在哪里办", "结婚登记"),
    ("离婚要多久", "内地居民离婚登记"),
    ("办离婚需要什么材料", "内地居民离婚登记"),
    ("身份证换领多少钱", "居民身份证换领"),
    ("怎么申请居住证", "居住证申领"),
    ("居住证在哪里办", "居住证申领"),
    ("驾照考试多少钱", "机动车驾驶证申领（初次申领）"),
    ("怎么考驾照", "机动车驾驶证申领（初次申领）"),
    ("新车上牌要带什么", "机动车注册登记"),
    ("小孩上学要准备什么材料", "小孩上学"),
    ("积分入学怎么申请", "来江务工人员随迁子女积分入学申请"),
    ("出生证明怎么办", "出生医学证明首次签发"),
    ("新生儿怎么上户口", "国（境）内出生登记"),
    ("生育登记在哪里办", "生育登记"),
    ("育儿补贴怎么领", "育儿补贴申领"),
    ("退休手续怎么办", "退休“一件事”"),
    ("养老金怎么领", "城乡居民基本养老保险待遇申领"),
    ("灵活就业怎么交社保", "灵活就业人员参保登记"),
    ("公租房怎么申请", "公共租赁住房资格申请"),
    ("公租房申请条件", "公共租赁住房资格申请"),
    ("开公司要什么材料", "企业设立登记"),
    ("注册公司多久能办好", "企业设立登记"),
    ("开餐馆要办什么证", "食品经营许可"),
    ("人才补贴怎么申请", "新引进人才生活补贴申领"),
    ("外国人工作许可怎么办", "外国人来华工作许可"),
    ("华侨身份怎么认定", "华侨身份认定"),
    ("二手房过户要多少钱", "国有建设用地使用权及房屋所有权转移登记"),
    ("施工许可证要多久", "建筑工程施工许可证核发"),
    ("旅游投诉电话", "旅游投诉受理"),
    ("车辆年检怎么办", "核发检验合格标志（免检车辆）"),
    ("高层次人才认定需要什么条件", "高层次人才认定"),
    ("食品经营许可证在哪里办", "食品经营许可"),
    ("居留许可多少钱", "外国人工作类居留许可签发"),
    # Colloquial names
    ("驾照", "机动车驾驶证申领（初次申领）"),
    ("上户口", "户口迁移（迁入）"),
    ("落户江门", "户籍办理"),
    ("公租房", "公共租赁住房资格申请"),
    ("房产证", "新建商品房“交房即交证”成为常态"),
    ("社保", "养老保险"),
    ("低保", "《江门市最低生活保障办法》政策解读"),
    ("低保申请", "江门市最低生活保障办法"),
    ("港澳通行证", "暑期出入境证件办理高峰 市公安局推出延时和预约服务"),
    ("离婚手续", "内地居民离婚登记"),
    ("身份证过期了", "居民身份证换领"),
    ("新车上牌", "机动车注册登记"),
    ("社保转到江门", "基本养老保险关系转移接续申请"),
    ("开网约车", "网络预约出租汽车运输证核发"),
    ("领证", "结婚登记"),
    ("准生证", "生育登记"),
    ("出生证", "出生医学证明首次签发"),
    ("暂住证", "居住证申领"),
    ("营业执照", "企业设立登记"),
    ("年检", "核发检验合格标志（免检车辆）"),
    ("上小学", "义务教育阶段新生入学报名"),
    ("打鱼证", "渔业捕捞许可"),
    ("房屋过户", "国有建设用地使用权及房屋所有权转移登记"),
    ("查房产", "不动产登记资料查询"),
    ("寻亲", "海外侨胞寻根问祖服务"),
    # Typos and homophones
    ("结昏登记", "结婚登记"),
    ("结婚登几", "结婚登记"),
    ("驾使证", "机动车驾驶证申领（初次申领）"),
    ("居主证", "居住证申领"),
    ("养老保验", "养老保险"),
    ("户口迁一", "户口迁移（迁入）"),
    ("身份证换令", "居民身份证换领"),
    ("公共祖赁住房", "公共租赁住房资格申请"),
    ("出生医学证名", "出生医学证明首次签发"),
    ("人才引近", "人才引进"),
    # Traditional script
    ("駕照", "机动车驾驶证申领（初次申领）"),
    ("離婚登記", "内地居民离婚登记"),
    ("公租房怎麼申請", "公共租赁住房资格申请"),
    ("戶口遷移", "户口迁移（迁入）"),
    ("結婚登記要帶什麼", "结婚登记"),
    ("養老保險轉移", "基本养老保险关系转移接续申请"),
    ("居住證", "居住证申领"),
    # Pinyin and initials
    ("jiehun", "结婚登记"),
    ("jhdj", "结婚登记"),
    ("jiehundengji", "结婚登记"),
    ("lihun", "内地居民离婚登记"),
    ("jiazhao", "机动车驾驶证申领（初次申领）"),
    ("juzhuzheng", "居住证申领"),
    ("yanglaobaoxian", "养老保险"),
    ("gongzufang", "公共租赁住房资格申请"),
    ("hukou", "户口迁移（迁入）"),
    ("rencaiyinjin", "人才引进"),
    ("lygg", "旅游观光"),
    # English typed on the Chinese site
    ("marriage", "结婚登记"),
    ("divorce", "内地居民离婚登记"),
    ("work permit", "外国人来华工作许可"),
    ("public housing", "公共租赁住房资格申请"),
    ("business license", "企业设立登记"),
    ("birth certificate", "出生医学证明首次签发"),
]
LETTER_SET = [
    ("高龄津贴", "为八十岁父亲申请高龄津贴"),
    ("老人补贴", "为八十岁父亲申请高龄津贴"),
    ("噪音投诉", "楼上装修周末早上七点就开始电钻施工"),
    ("装修噪音", "楼上装修周末早上七点就开始电钻施工"),
    ("电梯停运", "建设三路小区电梯长期停运无人维修"),
    ("五邑大学公交", "建议增开江门站至五邑大学的直达公交"),
    ("医院停车", "市中心医院门诊停车排队时间过长"),
    ("车位被占", "小区固定车位长期被外来车辆占用"),
    ("过期酸奶", "社区超市出售过期酸奶"),
    ("出租车拒载", "江门站出租车上客点拒载短途乘客"),
    ("碉楼门票优惠", "开平碉楼景区对回乡华侨有没有门票优惠"),
    ("祖屋产权", "海外华侨回乡办理祖屋产权手续求助"),
    ("村道硬底化", "建议加快台山都斛镇村道硬底化"),
    ("宅基地房屋不动产登记", "农村宅基地房屋怎样办理不动产登记"),
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


def shown(client, prefix, query):
    """(page titles, letter titles) on the first screen of results for `query`."""
    response = client.get(f"{prefix}/search/", {"q": query})
    assert response.status_code == 200, query
    html = response.content.decode()
    results = html.split('<ol class="search-results"', 1)
    pages = re.findall(r'class="search-result__title" href="[^"]*">([^<]*)<', results[1]) if len(results) > 1 else []
    return pages, re.findall(r'search-letter__title" href="[^"]*">([^<]*)<', html)


def shown_titles(client, prefix, query):
    return shown(client, prefix, query)[0]


def ranks(client, prefix="", pages=(), letters=()):
    """{query: rank of its expected page among the pages shown (`pages`) or of its letter among the letters
    shown (`letters`), or None when it is not on the first screen}."""
    found = {}
    for queries, index in ((pages, 0), (letters, 1)):
        for query, expected in queries:
            titles = shown(client, prefix, query)[index]
            found[query] = titles.index(expected) + 1 if expected in titles else None
    return found


def figures(found):
    """(mean reciprocal rank, share of queries with the expected page in the top three)."""
    reciprocal = [1 / rank if rank else 0 for rank in found.values()]
    top = sum(1 for rank in found.values() if rank and rank <= TOP)
    return sum(reciprocal) / len(reciprocal), top / len(found)


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
    assert len(CITIZEN_SET) + len(LETTER_SET) >= 100
    found = ranks(client, pages=RELEVANCE_SET + CITIZEN_SET, letters=LETTER_SET)
    mrr, top_three = figures(found)
    missed = {query: rank for query, rank in found.items() if not rank or rank > TOP}
    assert top_three >= 0.95, missed
    assert mrr >= 0.9, {query: rank for query, rank in found.items() if rank != 1}
