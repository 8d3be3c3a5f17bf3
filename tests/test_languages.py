"""Three languages: each tree under its prefix, a switcher to the same page in another language, per-language
sitemaps, and the demo in zh-hans, zh-hant (OpenCC) and English."""

from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import translate_object, translate_page_subtree

import pytest

from channels.audiences import Audience
from languages.translation import translate, translate_tree

from .factories import ChannelPageFactory, SectionPageFactory

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
