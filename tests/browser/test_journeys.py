"""What citizens, editors and overseas readers do on the portal, in a real browser, start to finish.

Each journey ends with a screenshot in screenshots/ for a person to look at.
"""

import re
import uuid

import pytest
from playwright.sync_api import expect

from .conftest import new_page

pytestmark = pytest.mark.browser

NUMERALS = "零一二三四五六七八九十"
DEMO_PASSWORD = "jmportal-demo"


def answer_the_guide(tab):
    """Open 结婚登记 from the 市民 channel and say: both mainland residents, in the city, no check-up."""
    tab.goto("/")
    tab.get_by_role("navigation", name="用户频道").get_by_role("link", name="市民").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("市民")
    tab.get_by_role("main").get_by_role("link", name="结婚登记", exact=True).first.click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("结婚登记")
    checklist = tab.locator(".checklist__items")
    expect(checklist).to_contain_text("本人有效护照")  # unanswered: every material is shown
    tab.get_by_label("双方均为内地居民").check()
    tab.get_by_label("江门市婚姻登记处（市区）").check()
    tab.get_by_label("暂不需要").check()
    return checklist


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_citizen_answers_the_marriage_guide_and_gets_a_personal_checklist(browser, portal, screenshot, javascript):
    tab = new_page(browser, portal, javascript=javascript)
    checklist = answer_the_guide(tab)
    if not javascript:
        tab.get_by_role("button", name="查看适用步骤").click()
    expect(tab).to_have_url(re.compile(r"identity=both_mainland"))
    expect(checklist).to_contain_text("居民身份证")
    expect(checklist).not_to_contain_text("本人有效护照")  # only for an overseas partner
    expect(tab.get_by_label("双方均为内地居民")).to_be_checked()
    screenshot(tab, f"journey-1-guide-{'js' if javascript else 'nojs'}")
    tab.context.close()


def captcha_answer(label):
    """Read “验证码：三加七等于几？” as a person would and answer 10."""
    a, b = re.search(r"([一二三四五六七八九十])加([一二三四五六七八九十])", label).groups()
    return str(NUMERALS.index(a) + NUMERALS.index(b))


def test_citizen_writes_to_12345_and_looks_the_status_up(page, screenshot):
    title = f"小区路灯不亮 {uuid.uuid4().hex[:6]}"
    page.goto("/interaction/")
    page.get_by_role("main").get_by_role("link", name="我要写信").first.click()
    page.get_by_label("姓名").fill("陈大文")
    page.get_by_label("先生").check()
    page.get_by_label("手机号码").fill("13800138000")
    page.get_by_label("求助").check()
    page.get_by_label("标题").fill(title)
    page.get_by_label("内容").fill("蓬江区白沙街道某小区路灯连续一周不亮，夜间出行不便，请尽快维修。")
    captcha = page.get_by_label(re.compile("验证码"))
    captcha.fill(captcha_answer(page.locator("label[for=id_captcha_answer]").inner_text()))
    page.get_by_role("button", name="提交").click()

    expect(page.get_by_role("status")).to_contain_text("提交成功")
    code = page.locator(".case-receipt__code").inner_text()
    assert re.fullmatch(r"JM-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)

    page.goto("/interaction/")
    page.get_by_role("main").get_by_role("link", name="办理查询").first.click()
    page.get_by_label("查询码").fill(code)
    page.get_by_label("手机号码后四位").fill("8000")
    page.get_by_role("button", name="查询").click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.locator(".case-status__facts")).to_contain_text("当前状态")
    screenshot(page, "journey-3-tracking")


def log_in(browser, portal, username):
    tab = new_page(browser, portal)
    tab.goto("/admin/login/")
    tab.locator("input[name=username]").fill(username)
    tab.locator("input[name=password]").fill(DEMO_PASSWORD)
    tab.get_by_role("button", name="登录").click()
    expect(tab).to_have_url(re.compile(r"/admin/$"))
    return tab


def approve_from_dashboard(browser, portal, username, title):
    reviewer = log_in(browser, portal, username)
    row = reviewer.locator("tr", has_text=title)
    row.get_by_role("button", name="动作").click()
    row.get_by_role("button", name="批准", exact=True).click()
    expect(reviewer.locator("tr", has_text=title)).to_have_count(0)
    reviewer.context.close()


def test_disclosure_entry_goes_from_editor_through_review_to_the_catalog_and_search(browser, portal, screenshot):
    title = f"关于调整婚姻登记预约时段的通知{uuid.uuid4().hex[:6]}"
    editor = log_in(browser, portal, "mzj_editor")
    catalog = editor.request.get("/api/v2/pages/find/?html_path=/departments/mzj/disclosure/").json()
    editor.goto(f"/admin/pages/add/disclosure/disclosureentrypage/{catalog['id']}/")
    editor.locator("#id_title").fill(title)
    editor.locator("#id_document_number").fill("江民〔2026〕99号")
    editor.get_by_role("tab", name="推荐").click()
    editor.locator("#id_slug").fill(f"notice-{uuid.uuid4().hex[:8]}")
    editor.get_by_role("button", name="更多动作").click()
    editor.get_by_role("button", name=re.compile("^提交给江门市民政局")).click()
    expect(editor.locator(".messages")).to_contain_text(title)
    editor.context.close()

    # 政府信息公开 is a 三审 column: the department's reviewer, then the portal's reviewer.
    approve_from_dashboard(browser, portal, "mzj_reviewer", title)
    approve_from_dashboard(browser, portal, "portal_reviewer", title)

    reader = new_page(browser, portal)
    reader.goto("/disclosure/catalog/")
    expect(reader.get_by_role("link", name=title)).to_be_visible()
    reader.goto("/")
    reader.get_by_role("searchbox", name="搜索本站").fill(title)
    reader.get_by_role("searchbox", name="搜索本站").press("Enter")
    expect(reader.get_by_role("main").get_by_role("link", name=title)).to_be_visible()
    screenshot(reader, "journey-2-search")
    reader.context.close()


LANGUAGES = [("zh-hant", "繁體中文", "華僑"), ("en", "English", "Overseas")]


@pytest.mark.parametrize(("code", "name", "channel_word"), LANGUAGES, ids=["zh-hant", "en"])
def test_overseas_reader_switches_language_on_the_overseas_channel(page, screenshot, code, name, channel_word):
    page.goto("/overseas/")
    page.locator(f".language-switcher a[lang='{code}']").click()
    expect(page).to_have_url(re.compile(rf"/{code}/overseas/"))
    expect(page.locator("html")).to_have_attribute("lang", code)
    expect(page.get_by_role("heading", level=1)).to_contain_text(channel_word)
    screenshot(page, f"journey-4-overseas-{code}")
