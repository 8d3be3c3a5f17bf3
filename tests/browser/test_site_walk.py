"""The whole demo portal walked as people meet it on `make run`: its own Sites (localhost and the 民政局's
mzj.localhost) on 127.0.0.1 and a free port.

1. A plain-HTTP crawl from each locale's home page and the department sub-site's: every internal link, image,
   stylesheet and script answers (redirects followed), and every live page in the database was reached.
2. Every form the crawl found, filled in Chromium with a mistake and then put right (citizen_forms.py).
3. At 320 px and 390 px, in normal and 适老模式, no page of the crawl scrolls sideways.

What was visited is written to screenshots/site-walk.txt and shown at the end of the pytest run.
"""

import json
import re
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from html import escape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from .citizen_forms import FormWalk
from .conftest import PROJECT, SCREENSHOTS, SITE_WALK_SUMMARY
from .crawl import Crawler, site_and_locale

pytestmark = pytest.mark.browser

START_PATHS = ("/", "/zh-hant/", "/en/")
DEPARTMENT_HOST = "mzj.localhost"
WIDTHS = (320, 390)
ELDERLY_COOKIE = "elderly_mode"  # portal/elderly_mode.py
ELDERLY_CLASS = re.compile(r"\belderly\b")  # on <html>, templates/base.html
# Live pages no reader reaches by following links from a home page, as "host path": the reason it is right so.
UNLINKED_PAGES = {}
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
WIDEST_ELEMENT = """() => {
    let widest = null, right = innerWidth;
    for (const element of document.body.querySelectorAll("*")) {
        const edge = element.getBoundingClientRect().right;
        if (edge > right) { right = edge; widest = element; }
    }
    return widest ? widest.tagName.toLowerCase() + [...widest.classList].map(name => "." + name).join("") : "";
}"""


@pytest.fixture(scope="module")
def port(portal):
    return urlsplit(portal).port


@pytest.fixture(scope="module")
def facts_process(portal, server_env):
    """demo_facts.py in the server's environment, started now so it runs while the crawl does."""
    script = (Path(__file__).parent / "demo_facts.py").read_text()
    return subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-v0", "-c", script],
        cwd=PROJECT,
        env=server_env,
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def summary(request):
    """Lines for screenshots/site-walk.txt and the end of the pytest run, written when the module is done."""
    lines = []
    yield lines
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "site-walk.txt").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    request.config.stash[SITE_WALK_SUMMARY] = lines


@pytest.fixture(scope="module")
def walk(port, facts_process, summary):
    starts = [f"http://localhost:{port}{path}" for path in START_PATHS] + [f"http://{DEPARTMENT_HOST}:{port}/"]
    walk = Crawler(port).run(starts)
    table = walk.counts()
    summary.append(
        f"site walk: crawled {len(walk.html_pages())} pages and {len(walk.assets)} assets ({len(walk.pages)} page "
        f"addresses, {walk.links_seen} links read) in {walk.seconds:.0f} s; {len(walk.external)} external links "
        "listed, not fetched; "
        f"{len(walk.sampled_out)} query-string variants sampled out; {len(walk.problems)} broken"
    )
    for where in sorted(table):
        counts = table[where]
        summary.append(f"  {where}: {counts['pages']} pages, {counts['assets']} assets, {counts['forms']} forms")
    return walk


@pytest.fixture(scope="module")
def facts(facts_process, walk):
    output, _ = facts_process.communicate(timeout=300)
    assert facts_process.returncode == 0, "demo_facts.py failed in the server's environment"
    return json.loads(output)


def grouped(problems):
    """Problems as “reason: url (linked from …)” lines, grouped by reason."""
    by_reason = defaultdict(list)
    for url, (reason, source) in problems.items():
        by_reason[reason].append(f"    {url}  (from {source})")
    return "\n".join(f"{reason} ({len(urls)}):\n" + "\n".join(sorted(urls)) for reason, urls in by_reason.items())


def test_every_internal_link_image_stylesheet_and_script_answers(walk):
    assert not walk.problems, f"{len(walk.problems)} broken addresses:\n{grouped(walk.problems)}"


def test_every_live_page_in_every_locale_is_reached(walk, facts):
    reached = {f"{urlsplit(url).hostname} {urlsplit(url).path}" for url in [*walk.pages, *walk.answers]}
    missed = [
        f"{page['locale']} {page['title']}: {' or '.join(page['addresses'])}"
        for page in facts["pages"]
        if not reached & set(page["addresses"]) and not UNLINKED_PAGES.keys() & set(page["addresses"])
    ]
    linked_now = sorted(UNLINKED_PAGES.keys() & reached)
    assert not missed, f"{len(missed)} live pages no link leads to:\n" + "\n".join(missed)
    assert not linked_now, f"reached now, take them off UNLINKED_PAGES: {linked_now}"


def test_every_form_answers_a_mistake_and_then_the_right_input(browser, walk, facts, screenshot, summary):
    started = time.monotonic()
    for earlier in SCREENSHOTS.glob("site-walk-form-*.png"):  # a failing form's page, from an earlier run
        earlier.unlink()
    forms = FormWalk(browser, facts, screenshot).run(walk.forms)
    per_kind = defaultdict(int)
    for name, _ in forms.submitted:
        per_kind[name] += 1
    summary.append(
        f"forms: of {len(walk.forms)} found, one of each kind per site, locale and set of fields submitted in "
        f"{time.monotonic() - started:.0f} s; {len(forms.submitted)} did what a person expects ("
        + ", ".join(f"{name} ×{count}" for name, count in per_kind.items())
        + f"), {len(forms.problems)} did not"
    )
    assert not forms.problems, f"{len(forms.problems)} forms fail a person:\n" + "\n".join(forms.problems)


@pytest.mark.parametrize("host", ["localhost", DEPARTMENT_HOST])
def test_elderly_mode_is_one_link_away_and_remembered(browser, port, host):
    context = browser.new_context(locale="zh-CN")
    tab = context.new_page()
    tab.goto(f"http://{host}:{port}/")
    tab.locator(".elderly-switch a").click()
    expect(tab.locator("html"), "适老模式 is on").to_have_class(ELDERLY_CLASS)
    expect(tab, "back on the page the reader was on").to_have_url(f"http://{host}:{port}/")
    tab.locator("main a[href^='/']").first.click()
    expect(tab.locator("html"), "适老模式 stays on on the next page").to_have_class(ELDERLY_CLASS)
    tab.locator(".elderly-switch a").click()
    expect(tab.locator("html"), "适老模式 is off again").not_to_have_class(ELDERLY_CLASS)
    context.close()


def sideways(browser, documents, assets, mode):
    """The page views wider than the screen, in one tab without JavaScript: each page is loaded once at one width,
    measured, widened or narrowed to the other and measured again.

    `documents` gives (url, Answer) pairs, the pages as the server sent them, grouped by host. Each is written into
    a tab already on its site (so 'self' in its policy means the portal), with its address as <base> and its
    Content-Security-Policy as <meta>: laid out exactly as after a navigation, at a third of the cost. Stylesheets
    and images are replayed from `assets`, the crawl's answers.
    """
    context = browser.new_context(java_script_enabled=False, locale="zh-CN", viewport=viewport(WIDTHS[0]))
    context.route(lambda url: url in assets, lambda route: replay(route, assets[route.request.url]))
    tab = context.new_page()
    offenders = []
    widths = list(WIDTHS)
    for url, answer in documents:
        if answer.status != 200:
            offenders.append(f"{url} ({mode}): answers {answer.status}")
            continue
        if urlsplit(tab.url).netloc != urlsplit(url).netloc:
            tab.goto(urljoin(url, "/robots.txt"))
        tab.set_content(as_served(url, answer))
        too_wide = []
        for number, width in enumerate(widths):
            if number:
                tab.set_viewport_size(viewport(width))
            scroll_width = tab.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                too_wide.append(f"{width} px scrolls to {scroll_width} px")
        if too_wide:
            offenders.append(f"{url} ({mode}): {', '.join(too_wide)}; widest: {tab.evaluate(WIDEST_ELEMENT)}")
        widths.reverse()  # the next page loads at the width this one ended at: one resize per page
    context.close()
    return offenders


def as_served(url, answer):
    """The page's HTML with its own address as <base> and its Content-Security-Policy as <meta>, first in <head>."""
    policy = answer.header("Content-Security-Policy")
    head = f'<base href="{escape(url)}"><meta http-equiv="Content-Security-Policy" content="{escape(policy)}">'
    return HEAD.sub(lambda match: match.group(0) + head, answer.body.decode("utf-8"), count=1)


def viewport(width):
    return {"width": width, "height": 800}


def replay(route, answer):
    route.fulfill(status=answer.status, headers=dict(answer.headers), body=answer.body)


def test_no_page_scrolls_sideways_on_a_phone(browser, port, walk, summary):
    started = time.monotonic()
    pages = sorted(walk.html_pages(), key=lambda url: urlsplit(url).hostname)
    assets = {url: answer for url, answer in walk.answers.items() if not answer.is_html}
    elderly = {"Cookie": f"{ELDERLY_COOKIE}=on"}
    with ThreadPoolExecutor(max_workers=1) as server:  # each 适老模式 page is fetched while the one before is measured
        elderly_pages = server.map(lambda url: Crawler(port).fetch(url, elderly), pages)
        offenders = sideways(browser, [(url, walk.answers[url]) for url in pages], assets, "normal")
        offenders += sideways(browser, zip(pages, elderly_pages, strict=True), assets, "适老模式")
    summary.append(
        f"layout: {len(pages)} pages × normal and 适老模式 × {' and '.join(map(str, WIDTHS))} px in "
        f"{time.monotonic() - started:.0f} s; {len(offenders)} page views scroll sideways"
    )
    assert not offenders, f"{len(offenders)} page views scroll sideways:\n" + "\n".join(offenders)


def test_the_walk_covers_both_sites_and_every_locale(walk):
    """A crawl that could not reach a Site or a locale would pass the other checks with nothing to check."""
    covered = {site_and_locale(url) for url in walk.html_pages()}
    expected = {f"localhost {locale}" for locale in ("zh-hans", "zh-hant", "en")} | {f"{DEPARTMENT_HOST} zh-hans"}
    assert expected <= covered, f"not walked: {sorted(expected - covered)}"
