"""无障碍 and 适老化 in a real browser: axe-core finds no serious or critical problem, the keyboard reaches
everything in order with a visible focus, and the elderly-friendly mode is one link away and remembered."""

import pytest
from playwright.sync_api import expect

from .conftest import new_page

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "channel": "/citizen/",
    "scenario guide": "/services/scenarios/marriage/?identity=one_overseas",
    "disclosure entry": "/departments/mzj/disclosure/subsistence-standard-2026/",
    "catalog": "/disclosure/catalog/",
    "search results": "/search/?q=婚姻登记",
    "message form": "/interaction/write/",
}
BLOCKING = {"serious", "critical"}


def axe_violations(tab, axe_source):
    tab.add_script_tag(path=str(axe_source))
    return tab.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")


@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly-mode"])
def test_axe_finds_no_serious_or_critical_violation(browser, portal, axe_source, elderly):
    tab = new_page(browser, portal, bypass_csp=True)
    if elderly:
        tab.context.add_cookies([{"name": "elderly_mode", "value": "on", "url": portal}])
    blocking = {}
    for name, url in PAGES.items():
        response = tab.goto(url)
        assert response.status == 200, url
        violations = axe_violations(tab, axe_source)
        counts = {
            impact: sum(v["impact"] == impact for v in violations)
            for impact in ("critical", "serious", "moderate", "minor")
        }
        print(f"axe {'elderly ' if elderly else ''}{name} {url}: {counts}")
        found = [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in violations
            if v["impact"] in BLOCKING
        ]
        if found:
            blocking[url] = found
    tab.context.close()
    assert not blocking


def focused(tab):
    return tab.evaluate(
        "document.activeElement.textContent.trim() || document.activeElement.getAttribute('aria-label') || document.activeElement.id"
    )


def test_keyboard_skip_link_focus_order_and_visible_focus(page):
    page.goto("/services/scenarios/marriage/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="跳到主要内容")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()  # hidden until focused, then shown on top of the header

    # Visible focus: the focused element draws an outline it does not have otherwise.
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth")
    assert outline.startswith("solid") and not outline.endswith(" 0px"), outline

    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")  # the next stop is inside the main content, not back in the header
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")

    # Focus order follows reading order: brand, search, languages, elderly mode, then the main navigation.
    page.goto("/services/scenarios/marriage/")
    stops = []
    for _ in range(10):
        page.keyboard.press("Tab")
        stops.append(focused(page))
    assert stops[0] == "跳到主要内容"
    assert "江门政务之窗" in stops[1]
    assert stops[2] == "site-search-q" or "搜索" in stops[2]
    assert stops.index("首页") > stops.index("适老模式（大字号、高对比度）") > stops.index("English")


def test_elderly_mode_is_switched_by_a_link_and_remembered_without_javascript(page_without_js, screenshot):
    tab = page_without_js
    tab.goto("/services/scenarios/marriage/")
    base_size = tab.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    tab.get_by_role("link", name="适老模式").click()
    expect(tab).to_have_url(f"{tab.url.split('/services')[0]}/services/scenarios/marriage/")
    expect(tab.locator("html")).to_have_class("elderly")
    assert tab.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= base_size * 1.2

    tab.get_by_role("navigation", name="主导航").get_by_role("link", name="政务公开").click()
    expect(tab.locator("html")).to_have_class("elderly")  # remembered on the next page
    screenshot(tab, "elderly-mode")
    tab.get_by_role("link", name="退出适老模式").click()
    expect(tab.locator("html")).not_to_have_class("elderly")
