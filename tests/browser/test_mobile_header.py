"""The header on a phone: one 菜单 button folds the navigation, the languages and 适老模式 away, so the first screen
shows the search and the page's own heading; the button is a <details> summary and opens without JavaScript. Long
item codes and other unbroken text wrap, so no page scrolls sideways, in 适老模式 either."""

import pytest
from playwright.sync_api import expect

from .conftest import new_page

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
GUIDE = "/services/scenarios/marriage/"  # its steps carry unbroken item codes 30 characters long
PAGES = {
    "home": "/",
    "scenario guide": GUIDE,
    "disclosure entry": "/departments/mzj/disclosure/subsistence-standard-2026/",
    "catalog": "/disclosure/catalog/",
    "message form": "/interaction/write/",
    "department performance": "/supervision/performance/department/mzj/",
    "english home": "/en/",
}


def phone_tab(browser, portal, width=PHONE["width"], javascript=True, elderly=False):
    tab = new_page(browser, portal, javascript=javascript)
    tab.set_viewport_size({"width": width, "height": PHONE["height"]})
    if elderly:
        tab.context.add_cookies([{"name": "elderly_mode", "value": "on", "url": portal}])
    return tab


def menu_button(tab):
    return tab.locator("summary.site-menu__toggle", has_text="菜单")


def folded_links(tab):
    """The links the menu folds away: a main section, a user channel, a language and the 适老模式 switch."""
    return [
        tab.get_by_role("navigation", name="主导航").get_by_role("link", name="政务公开"),
        tab.get_by_role("navigation", name="用户频道").get_by_role("link", name="企业频道"),
        tab.get_by_role("navigation", name="语言").get_by_role("link", name="English"),
        tab.get_by_role("link", name="适老模式"),
    ]


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_the_menu_button_folds_the_navigation_and_opens_it(browser, portal, javascript):
    tab = phone_tab(browser, portal, javascript=javascript)
    tab.goto(GUIDE)
    expect(menu_button(tab)).to_be_visible()
    expect(tab.get_by_role("searchbox", name="搜索本站")).to_be_visible()
    for link in folded_links(tab):
        expect(link).to_be_hidden()

    menu_button(tab).click()
    for link in folded_links(tab):
        expect(link).to_be_visible()
    expect(tab.get_by_role("navigation", name="主导航").get_by_role("link", name="网上办事")).to_have_attribute(
        "aria-current", "true"
    )

    menu_button(tab).press("Enter")  # the keyboard closes it again
    expect(folded_links(tab)[0]).to_be_hidden()
    tab.context.close()


@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly-mode"])
def test_the_page_heading_is_on_the_first_screen_of_a_phone(browser, portal, elderly):
    tab = phone_tab(browser, portal, elderly=elderly)
    below_the_fold = {}
    for url in PAGES.values():
        tab.goto(url)
        heading = tab.locator("h1").first.bounding_box()
        if heading["y"] + heading["height"] > PHONE["height"]:
            below_the_fold[url] = round(heading["y"])
    tab.context.close()
    assert not below_the_fold


def test_a_wide_screen_shows_the_whole_navigation_without_a_menu_button(browser, portal):
    tab = phone_tab(browser, portal, width=1366)
    tab.goto(GUIDE)
    expect(menu_button(tab)).to_be_hidden()
    for link in folded_links(tab):
        expect(link).to_be_visible()
    tab.context.close()


@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly-mode"])
@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways_on_a_phone(browser, portal, width, elderly):
    tab = phone_tab(browser, portal, width=width, elderly=elderly)
    too_wide = {}
    for url in PAGES.values():
        tab.goto(url)
        page_width = tab.evaluate("document.documentElement.scrollWidth")
        if page_width > width:
            too_wide[url] = page_width
    tab.context.close()
    assert not too_wide
