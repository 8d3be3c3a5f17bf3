"""Languages are wired from the start: a translated tree is served under its language prefix."""

from wagtail.models import Locale, Page
from wagtail_localize.operations import translate_object, translate_page_subtree

import pytest

from channels.audiences import Audience

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
