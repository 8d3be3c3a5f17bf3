"""Simplified → Traditional with OpenCC inside wagtail-localize: one click per page, one command per tree."""

import io

from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation

import pytest

from home.models import Office, StandardPage
from languages.machine_translator import OpenCCTranslator, to_traditional
from languages.translation import translate

from .factories import (
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    DisclosureCatalogPageFactory,
    DisclosureEntryPageFactory,
    SectionPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

RICH_BODY = [
    ("heading", {"text": "华侨身份认定", "level": "h2"}),
    (
        "paragraph",
        '<p>请携带<b>护照</b>到<a href="https://www.jiangmen.gov.cn/qwj/">市侨务局</a>办理，'
        '并下载<a linktype="document" id="1">申请表</a>。</p><ul><li>后台预约</li><li>发现问题请致电</li></ul>',
    ),
    (
        "links",
        {
            "heading": "常用链接",
            "links": [{"title": "华侨频道", "page": None, "url": "https://gov.cn/", "description": "为华侨服务"}],
        },
    ),
]


def locale(code):
    return Locale.objects.get(language_code=code)


def test_the_configured_machine_translator_is_opencc_hong_kong_and_only_for_simplified_to_traditional():
    translator = get_machine_translator()
    assert isinstance(translator, OpenCCTranslator) and translator.variant == "s2hk"
    assert translator.can_translate(locale("zh-hans"), locale("zh-hant"))
    assert not translator.can_translate(locale("zh-hans"), locale("en"))
    assert not translator.can_translate(locale("zh-hant"), locale("zh-hans"))


@pytest.mark.parametrize(("variant", "expected"), [("s2hk", "門户網站"), ("s2t", "門戶網站"), ("s2tw", "門戶網站")])
def test_the_variant_is_configurable(variant, expected):
    assert to_traditional("门户网站", variant) == expected
    with override_settings(
        WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
            "CLASS": "languages.machine_translator.OpenCCTranslator",
            "OPTIONS": {"VARIANT": variant},
        }
    ):
        assert get_machine_translator().variant == variant


def test_a_page_is_translated_with_its_markup_links_and_block_structure_intact(home):
    section = SectionPageFactory(parent=home, title="华侨服务", slug="overseas-services")
    page = StandardPageFactory(
        parent=section, title="华侨身份认定", slug="status", summary="为华侨办理身份认定", body=RICH_BODY
    )

    translated = translate(page, locale("zh-hant"))

    translated = StandardPage.objects.get(pk=translated.pk)
    assert translated.live and translated.title == "華僑身份認定" and translated.summary == "為華僑辦理身份認定"
    assert translated.translation_key == page.translation_key and translated.get_parent().locale == locale("zh-hant")
    assert [block.block_type for block in translated.body] == ["heading", "paragraph", "links"]
    assert translated.body[0].value["text"] == "華僑身份認定" and translated.body[0].value["level"] == "h2"
    html = translated.body[1].value.source
    assert '<a href="https://www.jiangmen.gov.cn/qwj/">市僑務局</a>' in html
    assert '<a id="1" linktype="document">申請表</a>' in html or '<a linktype="document" id="1">申請表</a>' in html
    assert "<b>護照</b>" in html and "<ul><li>後台預約</li><li>發現問題請致電</li></ul>" in html
    link = translated.body[2].value["links"][0]
    assert link["title"] == "華僑頻道" and link["url"] == "https://gov.cn/" and link["description"] == "為華僑服務"
    assert not any("华侨" in value for value in [translated.title, translated.summary, html])


def test_strings_an_editor_corrected_survive_a_refresh(home):
    page = StandardPageFactory(parent=home, title="江门概况", slug="overview", summary="侨乡江门")
    hant = locale("zh-hant")
    translate(page, hant)
    StringTranslation.objects.filter(locale=hant, data="僑鄉江門").update(
        data="僑鄉江門（編輯校對）", translation_type="manual"
    )
    page.title = "江门市概况"
    page.save_revision().publish()

    refreshed = translate(page, hant).specific

    assert refreshed.title == "江門市概況" and refreshed.summary == "僑鄉江門（編輯校對）"


def test_snippets_a_page_uses_are_translated_with_it(home):
    from .factories import ScenarioGuidePageFactory, ScenarioIndexPageFactory, step

    office = Office.objects.create(name="江门市侨务局窗口", address="江门市蓬江区华园东路", locale=Locale.get_default())
    guide = ScenarioGuidePageFactory(parent=ScenarioIndexPageFactory(parent=home), steps=[step("认定", office=office)])

    translated = translate(guide, locale("zh-hant")).specific

    office_hant = translated.steps[0].value["office"]
    assert office_hant.locale == locale("zh-hant") and office_hant.name == "江門市僑務局窗口"


def test_adding_a_page_in_zh_hans_and_running_the_sync_gives_its_zh_hant_counterpart(home):
    call_command("translate_zh_hant", stdout=io.StringIO())
    assert Page.objects.get(locale=locale("zh-hant"), depth=2).title == "江門政務之窗"
    section = SectionPageFactory(parent=home, title="走进江门", slug="discover")
    StandardPageFactory(parent=section, title="侨乡风貌", slug="hometown")

    out = io.StringIO()
    call_command("translate_zh_hant", stdout=out)

    assert "新建 2" in out.getvalue()
    counterpart = Page.objects.get(locale=locale("zh-hant"), slug="hometown")
    assert counterpart.title == "僑鄉風貌" and counterpart.live and counterpart.get_parent().title == "走進江門"
    out = io.StringIO()
    call_command("translate_zh_hant", "--branch", "/discover/", stdout=out)
    assert "新建 0，更新 0，无变化 2" in out.getvalue()


def test_unpublishing_a_page_takes_its_zh_hant_mirror_offline_too(client, home):
    call_command("translate_zh_hant", stdout=io.StringIO())
    notice = StandardPageFactory(parent=home, title="停水通知", slug="notice")
    call_command("translate_zh_hant", stdout=io.StringIO())
    assert client.get("/zh-hant/notice/").status_code == 200

    notice.unpublish()

    assert not Page.objects.get(locale=locale("zh-hant"), slug="notice").live
    assert client.get("/zh-hant/notice/").status_code == 404


def test_the_sync_command_refuses_an_unknown_branch(home):
    with pytest.raises(Exception, match="找不到"):
        call_command("translate_zh_hant", "--branch", "/no-such-page/", stdout=io.StringIO())


def test_a_page_added_in_the_admin_is_mirrored_into_zh_hant_at_once(home, admin_client):
    call_command("translate_zh_hant", stdout=io.StringIO())
    response = admin_client.post(
        f"/admin/pages/add/home/standardpage/{home.pk}/",
        {"title": "侨务动态", "slug": "news", "summary": "", "body-count": "0", "action-publish": "publish"},
    )
    assert response.status_code == 302
    counterpart = Page.objects.get(locale=locale("zh-hant"), slug="news")
    assert counterpart.title == "僑務動態" and counterpart.live and counterpart.alias_of_id is None


def test_publishing_by_any_path_converts_the_page_and_its_missing_ancestors_into_zh_hant(home):
    section = SectionPageFactory(parent=home, title="政务公开", slug="open")
    notice = StandardPageFactory(parent=section, title="关于停水的通知", slug="notice", summary="请市民做好储水准备")
    notice.save_revision().publish()  # code, an import, a workflow or the scheduler: not the admin's publish view

    counterpart = notice.get_translation(locale("zh-hant"))
    assert counterpart.live and counterpart.title == "關於停水的通知" and counterpart.alias_of_id is None
    assert (
        counterpart.get_parent().title == "政務公開" and counterpart.get_parent().get_parent().title == "江門政務之窗"
    )


def test_a_page_published_again_after_an_unpublication_comes_back_in_zh_hant_with_the_editors_corrections(home):
    notice = StandardPageFactory(parent=home, title="停水通知", slug="notice", summary="请市民储水")
    notice.save_revision().publish()
    hant = locale("zh-hant")
    StringTranslation.objects.filter(locale=hant, data="請市民儲水").update(
        data="請各位市民儲水", translation_type="manual"
    )
    translate(notice, hant)  # the editor's correction is published

    notice.unpublish()
    assert not notice.get_translation(hant).live
    notice.title = "停水通知（更新）"
    notice.save_revision().publish()

    counterpart = notice.get_translation(hant).specific
    assert counterpart.live and counterpart.title == "停水通知（更新）" and counterpart.summary == "請各位市民儲水"


def test_a_disclosure_entry_keeps_its_index_number_in_zh_hant(home):
    department = DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home))
    catalog = DisclosureCatalogPageFactory(parent=department)
    entry = DisclosureEntryPageFactory(
        parent=catalog, title="关于印发侨务工作要点的通知", index_number=None, live=False
    )
    entry.save_revision().publish()
    entry.refresh_from_db()

    counterpart = entry.get_translation(locale("zh-hant")).specific
    assert entry.index_number and counterpart.index_number == entry.index_number
    assert counterpart.live and counterpart.title == "關於印發僑務工作要點的通知"


def test_a_failed_conversion_never_undoes_the_publication(home, monkeypatch, caplog):
    from languages import synchronised

    def fail(*args):
        raise RuntimeError("OpenCC unavailable")

    monkeypatch.setattr(synchronised, "translate_with_ancestors", fail)
    notice = StandardPageFactory(parent=home, title="停水通知", slug="notice", live=False)

    notice.save_revision().publish()

    assert StandardPage.objects.get(pk=notice.pk).live and "translate_zh_hant will retry" in caplog.text
