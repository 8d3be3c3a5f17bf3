"""Three languages: each tree under its prefix, a switcher to the same page in another language, per-language
sitemaps, and the demo in zh-hans, zh-hant (OpenCC) and English."""

import re
from urllib.parse import urlsplit

from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import translate_object, translate_page_subtree

import pytest

from channels.audiences import Audience
from languages.script import convert_html, readable_parts, simplified_characters
from languages.translation import translate, translate_tree

from .factories import (
    ChannelPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    SectionPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def test_three_locales_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"zh-hans", "zh-hant", "en"}


def test_a_translated_tree_is_served_under_its_language_prefix(client, home):
    SectionPageFactory(parent=home, title="走进江门", slug="discover")
    ChannelPageFactory(parent=home, title="华侨频道", slug="overseas", audience=Audience.OVERSEAS)
    zh_hant = Locale.objects.get(language_code="zh-hant")
    translate_object(home, [zh_hant])
    translate_page_subtree(home.pk, [zh_hant], None, None)
    for page in Page.objects.filter(locale=zh_hant, depth__gt=1):
        page.get_latest_revision().publish()

    response = client.get("/zh-hant/overseas/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-hant">' in html
    assert 'href="/zh-hant/discover/"' in html  # navigation stays inside the reader's language
    assert client.get("/overseas/").status_code == 200


def test_the_switcher_links_to_the_translation_where_it_exists_and_else_to_that_languages_home(client, home):
    section = SectionPageFactory(parent=home, title="走进江门", slug="discover")
    zh_hant, en = Locale.objects.get(language_code="zh-hant"), Locale.objects.get(language_code="en")
    translate_tree(home, zh_hant)
    translate(home, en)

    html = client.get("/discover/").content.decode()
    assert '<html lang="zh-hans">' in html
    assert 'href="/zh-hant/discover/" lang="zh-hant"' in html
    assert 'href="/en/?untranslated=1" lang="en"' in html
    assert 'hreflang="zh-Hant" href="http://testserver/zh-hant/discover/"' in html
    assert 'hreflang="en" href=' not in html  # no alternate where there is no translation
    assert "暂无本语言版本" not in html

    html = client.get("/en/?untranslated=1").content.decode()
    assert '<html lang="en">' in html and 'role="status"' in html
    html = client.get("/zh-hant/discover/").content.decode()
    assert '<html lang="zh-hant">' in html and 'href="/discover/" lang="zh-hans"' in html
    assert section.get_translation(zh_hant).title == "走進江門"


def test_search_answers_in_every_language(client, home):
    for prefix in ["", "/zh-hant", "/en"]:
        response = client.get(f"{prefix}/search/?q=江门")
        assert response.status_code == 200, prefix
        assert 'href="/en/search/?q=' in response.content.decode()


def test_each_language_has_its_own_sitemap(client, home):
    SectionPageFactory(parent=home, title="走进江门", slug="discover")
    translate_tree(home, Locale.objects.get(language_code="zh-hant"))

    index = client.get("/sitemap.xml").content.decode()
    assert all(f"http://testserver/sitemap-{code}.xml" in index for code in ["zh-hans", "zh-hant", "en"])
    hant = client.get("/sitemap-zh-hant.xml").content.decode()
    assert "<loc>http://testserver/zh-hant/discover/</loc>" in hant and "testserver/discover/" not in hant
    assert "<loc>http://testserver/discover/</loc>" in client.get("/sitemap-zh-hans.xml").content.decode()
    assert "<url>" not in client.get("/sitemap-en.xml").content.decode()
    assert client.get("/sitemap-fr.xml").status_code == 404


def test_the_demo_answers_in_three_languages_and_scripts(client, demo_portal):

    for prefix, language, expected in [
        ("", "zh-hans", ["华侨频道", "旅游观光"]),
        ("/zh-hant", "zh-hant", ["華僑頻道", "旅遊觀光"]),
        ("/en", "en", ["For Overseas Chinese", "Visiting Jiangmen"]),
    ]:
        pages = {url: client.get(f"{prefix}{url}") for url in ["/", "/overseas/", "/services/scenarios/tourism/"]}
        html = "".join(response.content.decode() for response in pages.values())
        assert all(response.status_code == 200 for response in pages.values()), prefix
        assert html.count(f'<html lang="{language}">') == 3, prefix
        assert all(text in html for text in expected), prefix
    home = client.get("/en/").content.decode()  # links chosen on the zh-hans home lead to the English pages
    assert '<a href="/en/services/scenarios/tourism/">Visiting Jiangmen</a>' in home
    assert 'href="/zh-hant/services/scenarios/talent/"' in client.get("/zh-hant/").content.decode()
    hant = client.get("/zh-hant/overseas/").content.decode()
    assert "華僑" in hant and "华侨" not in hant
    guide = client.get("/en/services/scenarios/tourism/?visitor=foreign&stay=relatives").content.decode()
    assert "Register where you stay (foreign nationals)" in guide and "Who are you travelling as?" in guide
    assert "Prepare your entry documents" in guide

    english = Page.objects.filter(locale__language_code="en")
    sources = Page.objects.filter(translation_key__in=english.values("translation_key"), locale=Locale.get_default())
    assert english.count() == sources.count() >= 19  # translations of the zh-hans pages, not pages of their own
    assert TranslationSource.objects.filter(object_id__in=english.values("translation_key")).count() == english.count()
    assert client.get("/en/search/?q=Jiangmen").status_code == client.get("/zh-hant/search/?q=江門").status_code == 200


def readable_text(html):
    """What a reader reads on a page (text and read attributes), without what is marked lang="zh-Hans"."""
    tokens, slots = readable_parts(html)
    return "\n".join(tokens[index][start:end] for index, start, end in slots)


def get_page(client, page, **extra):
    _, root_url, path = page.get_url_parts()
    return client.get(path, HTTP_HOST=urlsplit(root_url).netloc, **extra)


def test_every_zh_hans_page_of_the_demo_has_a_live_zh_hant_counterpart_in_traditional_characters(client, demo_portal):
    """The acceptance crawl of #19: OpenCC (s2hk) itself finds Simplified characters; data/kept.txt is the one
    reviewed list of words left as they are."""
    hans = Page.objects.filter(locale__language_code="zh-hans", live=True, depth__gt=1)
    hant = Page.objects.filter(locale__language_code="zh-hant", live=True)
    assert not hans.exclude(translation_key__in=hant.values("translation_key")).exists()
    assert hant.count() == hans.count() > 300

    found = {}
    for page in hant.specific().order_by("path"):
        response = get_page(client, page)
        assert response.status_code == 200, page.url_path
        html = response.content.decode()
        assert '<html lang="zh-hant">' in html, page.url_path
        if characters := simplified_characters(readable_text(html)):
            found[page.url_path] = "".join(characters)
    write = Page.objects.get(locale__language_code="zh-hant", slug="write").specific
    for label, response in [
        ("search", client.get("/zh-hant/search/?q=结婚登记")),
        ("the 12345 form with errors", client.post(write.url, {"title": "问", "content": ""})),
    ]:
        assert response.status_code in (200, 400), label
        if characters := simplified_characters(readable_text(response.content.decode())):
            found[label] = "".join(characters)
    assert not found


def test_a_rendered_page_is_converted_where_people_read_it_and_nowhere_else():
    html = (
        '<html lang="zh-hant"><head><meta name="description" content="江门市人民政府"><title>华侨频道</title></head>'
        '<body><a href="/zh-hant/侨务/?q=结婚" title="华侨服务">华侨服务</a>'
        '<a href="/overseas/" lang="zh-hans" title="简体">简体中文<span>简</span></a>后台'
        '<textarea placeholder="请输入留言">我的留言</textarea><input name="category" value="咨询" aria-label="类别">'
        '<select><option value="建议">建议</option></select><script>var a = "简";</script>&amp; 办结</body></html>'
    )

    converted = convert_html(html)

    assert '<meta name="description" content="江門市人民政府"><title>華僑頻道</title>' in converted
    assert '<a href="/zh-hant/侨务/?q=结婚" title="華僑服務">華僑服務</a>' in converted  # links keep their address
    assert '<a href="/overseas/" lang="zh-hans" title="简体">简体中文<span>简</span></a>後台' in converted
    assert '<textarea placeholder="請輸入留言">我的留言</textarea>' in converted  # what a citizen typed
    assert 'value="咨询" aria-label="類別">' in converted and '<option value="建议">建議</option>' in converted
    assert '<script>var a = "简";</script>&amp; 辦結' in converted


def test_only_zh_hant_requests_are_converted(client, home):
    StandardPageFactory(parent=home, title="侨务动态", slug="news")
    translate_tree(home, Locale.objects.get(language_code="zh-hant"))
    Page.objects.filter(locale__language_code="zh-hant", slug="news").update(title="侨务动态（未转换）")

    assert "僑務動態（未轉換）" in client.get("/zh-hant/news/").content.decode()
    assert "侨务动态" in client.get("/news/").content.decode()


def english(*pages, strings):
    from demo.translations import WrittenTranslator

    en = Locale.objects.get(language_code="en")
    return [translate(page, en, WrittenTranslator("en", strings)) for page in pages]


def test_the_switcher_offers_the_nearest_ancestor_in_a_language_that_lacks_the_page(client, home):
    section = SectionPageFactory(parent=home, title="走进江门", slug="discover")
    StandardPageFactory(parent=section, title="侨乡风貌", slug="hometown")
    english(home, section, strings={"江门政务之窗": "Jiangmen", "走进江门": "Discover Jiangmen"})

    html = client.get("/discover/hometown/").content.decode()

    assert 'href="/en/discover/?untranslated=1" lang="en"' in html  # the section, not the home page
    assert "language-switcher__note" in html
    landed = client.get("/en/discover/?untranslated=1").content.decode()
    assert 'role="status"' in landed and "nearest page above it" in landed


def test_english_lists_show_chinese_only_pages_marked_as_chinese(client, home):
    index = DepartmentIndexPageFactory(parent=home)
    bureau = DepartmentPageFactory(parent=index, title="江门市外事侨务局", slug="wsqwj")
    DepartmentPageFactory(parent=index, title="江门市民政局", slug="mzj")
    english(
        home,
        index,
        bureau,
        strings={
            "江门政务之窗": "Jiangmen",
            "政府部门": "Government Departments",
            "江门市外事侨务局": "Foreign and Overseas Chinese Affairs Bureau",
            "江门市蓬江区建设三路": "Jianshe 3rd Road, Pengjiang District",
        },
    )

    html = client.get("/en/departments/").content.decode()

    assert '<a href="/en/departments/wsqwj/">Foreign and Overseas Chinese Affairs Bureau</a>' in html
    assert '<a href="/departments/mzj/" lang="zh-Hans">江门市民政局</a>' in html
    assert '<span class="language-tag" lang="zh-Hans">中文</span>' in html
    assert "江门市外事侨务局" not in html.split("</main>")[0].split("<main")[1]


LINK = re.compile(r"<a\s([^>]*)>(.*?)</a>", re.DOTALL)


def test_the_english_demo_never_mixes_chinese_in_silently_and_has_the_foreigners_journeys(client, demo_portal):
    """#19: lists and tiles on /en/ show English pages, and a link to a page that exists only in Chinese says so
    (lang="zh-Hans" and a visible 中文 tag); the journeys foreigners and overseas Chinese come for are in English."""
    for url in ["/en/", "/en/overseas/", "/en/tourist/", "/en/investor/", "/en/departments/", "/en/interaction/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        main = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
        for attributes, text in LINK.findall(main):
            if re.search(r"[\u3400-\u9fff]", re.sub(r"<[^>]*>", "", text)):
                assert 'lang="zh-Hans"' in attributes or 'hreflang="zh-Hans"' in attributes, (url, text)
        assert "暂无内容" not in main and "Nothing here yet" not in main, url

    departments = client.get("/en/departments/").content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    assert departments.count('class="department-list__item"') == 14 and "language-tag" not in departments
    assert (
        "Jiangmen Public Security Bureau" in departments
        and "Jiangmen Administration for Market Regulation" in departments
    )
    home = client.get("/en/").content.decode()
    assert '<a href="/en/services/scenarios/marriage/">Getting married in Jiangmen</a>' in home
    assert '<span class="language-tag" lang="zh-Hans">中文</span>' in home  # the guides not yet in English
    guide = client.get("/en/services/scenarios/marriage/?identity=one_overseas").content.decode()
    assert "certificate of no impediment" in guide
    for url in ["/en/investor/", "/en/interaction/track/"]:
        assert client.get(url).status_code == 200, url
    form = client.get("/en/interaction/write/").content.decode()  # writing to 12345 in English
    assert all(label in form for label in ["Mobile number", "Type of message", "Complaint", "What is "])
    assert ">Jiangmen Civil Affairs Bureau</option>" in form and "江门市民政局" not in form
    errors = client.post("/en/interaction/write/", {"title": "Noise at night", "content": ""}).content.decode()
    assert "Please fill in “Your message”." in errors
