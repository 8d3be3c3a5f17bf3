"""Every form the crawl found, filled in Chromium as a person would: first with a mistake, then put right.

Tabs run without JavaScript: every form must work without it, and the one script (the guide's instant answers) is
test_journeys.py's business.

Each kind of form has a handler that knows what a person should see after submitting it (the saved case and its
tracking code, the error summary with their text kept, the survey receipt, the search results …). A form that no
kind matches is reported, so a new form enters the walk as soon as a page shows it.
"""

import itertools
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from languages.script import to_traditional
from portal.captcha import ENGLISH_NUMERALS, NUMERALS

from .crawl import locale_of

CASE_CODE = re.compile(r"JM-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}")
SKIP = object()  # a field left as it is
NOT_TYPED = {"hidden", "submit", "button", "reset", "radio", "checkbox", "select"}
PHONE = "13800138000"
BAD_PHONE = {"phone": "1380013"}
NOTHING_MATCHES = "qzxvkjw"  # no word of it is in the demo, in any language
SITE_WORD = {"zh-hans": "江门", "zh-hant": "江門", "en": "Jiangmen"}  # in the portal's name: every search finds it


def solve_captcha(form):
    """Answer the captcha as a person reads it (“验证码：三加七等于几？”, “What is three plus seven?” → 10); the one
    place that knows it."""
    label = form.locator("label[for$='captcha_answer']").inner_text()
    chinese = re.search(r"([一二三四五六七八九十])加([一二三四五六七八九十])", label)
    if chinese:
        return str(sum(NUMERALS.index(number) for number in chinese.groups()))
    english = re.search(r"What is (\w+) plus (\w+)\?", label)
    return str(sum(ENGLISH_NUMERALS.index(number) for number in english.groups()))


def first_choice(select):
    return select.locator("option:not([value=''])").first.get_attribute("value")


def good_text():
    """What a person writes; new words each time, so the portal never takes one form for a copy of another."""
    mark = uuid.uuid4().hex[:6]
    return {
        "name": "陈大文",
        "phone": PHONE,
        "email": "chen.dawen@example.com",
        "title": f"小区路灯不亮（{mark}）",
        "content": f"蓬江区白沙街道某小区路灯连续一周不亮，夜间出行不便，请尽快维修。编号 {mark}",
        "id_number": "440703198001010012",
        "address": "江门市蓬江区建设三路1号",
        "purpose": "了解办理条件",
        "comment": "答复清楚，谢谢。",
    }


def fill(form, fields, changes=None):
    """Fill the fields the crawl read (name → type) with good values, `changes` overriding them (SKIP leaves a
    field untouched): the first choice of every radio group and select, every checkbox, a fresh captcha answer.
    Returns the text typed."""
    values = {**good_text(), "captcha_answer": SKIP, **(changes or {})}
    typed = {}
    for name, kind in fields.items():
        value = values.get(name, f"希望社区增设长者饭堂，方便老人就餐。（{uuid.uuid4().hex[:6]}）")
        control = form.locator(f'[name="{name}"]')
        if value is SKIP or kind in ("hidden", "submit", "button", "reset"):
            continue
        if kind in ("radio", "checkbox"):
            control.first.check()
        elif kind == "select":
            control.select_option(first_choice(control))
        else:
            control.fill(value)
            typed[name] = value
    if "captcha_answer" in fields:
        form.locator('[name="captcha_answer"]').fill(solve_captcha(form))
    return typed


def correct(tab, fields, names):
    """Put a mistake right as a person does: only the named fields (and the new captcha); the rest is as kept."""
    fill(form_on(tab, fields), {name: kind for name, kind in fields.items() if name in {*names, "captcha_answer"}})


def submit(form):
    form.locator("button[type=submit], input[type=submit]").first.click()


def form_on(tab, fields):
    """The form on the page holding these fields (the first, where the header's search repeats one)."""
    name = next(name for name, kind in fields.items() if kind not in ("hidden", "submit"))
    return tab.locator("form").filter(has=tab.locator(f'[name="{name}"]')).first


def expect_error_summary(tab, typed, mistake):
    """What a person sees after a mistake: a summary of what to fix, and what they typed still there."""
    expect(tab.get_by_role("alert").first, f"{mistake}: an error summary (role=alert)").to_be_visible()
    for name, text in typed.items():
        field = tab.locator(f'[name="{name}"]').first
        expect(field, f"{mistake}: the text typed into “{name}” is kept").to_have_value(text)


# What a person sees after each kind of form. Each handler gets the FormWalk, one form and a fresh tab on its page.


def search(session, form, tab):
    word = SITE_WORD[locale_of(urlsplit(form.page).path)]
    for query, found in ((NOTHING_MATCHES, False), (word, True)):
        box = form_on(tab, form.fields)
        box.locator('[name="q"]').fill(query)
        submit(box)
        expect(tab, "search answers on the search page").to_have_url(re.compile(r"/search/\?"))
        expect(tab.locator('main [name="q"]').first, "the query stays in the search box").to_have_value(query)
        if found:
            expect(tab.locator(".search-result__title").first, f"results for “{query}”").to_be_visible()
        else:
            expect(tab.locator(".empty-state").first, "a “nothing found” message").to_be_visible()


def answer_guide(session, form, tab):
    questions = [name for name, kind in form.fields.items() if kind == "radio"]
    expect(tab.locator(".step").first, "every step while nothing is answered").to_be_visible()
    guide = form_on(tab, form.fields)
    fill(guide, form.fields)
    submit(guide)
    for name in questions:
        expect(tab, f"answer “{name}” is in the address").to_have_url(re.compile(rf"[?&]{name}="))
        expect(tab.locator(f'[name="{name}"]:checked'), f"answer “{name}” stays chosen").to_have_count(1)
    expect(tab.locator(".step").first, "the steps for these answers").to_be_visible()


def filter_list(session, form, tab):
    box = form_on(tab, form.fields)
    box.locator('[name="keyword"]').fill(NOTHING_MATCHES)
    submit(box)
    expect(tab.locator(".empty-state").first, "a “nothing matches” message").to_be_visible()
    expect(tab.locator('[name="keyword"]'), "the keyword stays").to_have_value(NOTHING_MATCHES)
    box = form_on(tab, form.fields)
    department = box.locator('[name="department"]')
    chosen = first_choice(department)
    box.locator('[name="keyword"]').fill("")
    department.select_option(chosen)
    submit(box)
    expect(tab.locator('[name="department"]'), "the department stays chosen").to_have_value(chosen)
    expect(tab.locator("main :is(table, ul, ol) a, .empty-state").first, "a list or a message").to_be_visible()


def choose_month(session, form, tab):
    month = tab.locator('[name="month"]')
    options = month.locator("option")
    earlier = options.nth(min(1, options.count() - 1))
    value, label = earlier.get_attribute("value"), earlier.inner_text()
    month.select_option(value)
    submit(form_on(tab, form.fields))
    expect(tab.locator('[name="month"]'), "the month stays chosen").to_have_value(value)
    expect(tab.locator(".board__computed").first, "figures for that month").to_contain_text(label)
    tab.goto(f"{form.page.split('?')[0]}?month=2026-13")  # a month typed into the address
    expect(tab.get_by_role("status").filter(has_text="2026-13"), "a message naming the bad month").to_be_visible()


def write_case(session, form, tab):
    code, title = send_case(form, tab)
    track_link = tab.get_by_role("status").locator("a[href*='code=']")
    expect(track_link, "the receipt links to 办理查询").to_have_count(1)
    track_link.click()
    lookup = form_on(tab, {"code": "text"})
    expect(lookup.locator('[name="code"]'), "the tracking code is filled in").to_have_value(code)
    lookup.locator('[name="phone_suffix"]').fill(PHONE[-4:])
    submit(lookup)
    shown = to_traditional(title) if locale_of(urlsplit(form.page).path) == "zh-hant" else title  # as 繁體 shows it
    expect(tab.locator("#case-status-heading"), "tracking finds the case").to_have_text(shown)


def ask_interview(session, form, tab):
    send_case(form, tab)


def send_case(form, tab):
    """A mistake (a short phone number), then the phone put right: the receipt with its tracking code.
    Returns the code and the title written (or None when the form asks for none)."""
    typed = fill(form_on(tab, form.fields), form.fields, BAD_PHONE)
    submit(form_on(tab, form.fields))
    expect_error_summary(tab, typed, "a short phone number")
    correct(tab, form.fields, ["phone"])
    submit(form_on(tab, form.fields))
    receipt = tab.get_by_role("status").filter(has=tab.locator(".case-receipt__code"))
    expect(receipt, "after putting the phone right: a receipt with the tracking code").to_be_visible()
    code = receipt.locator(".case-receipt__code").inner_text().strip()
    assert CASE_CODE.fullmatch(code), f"tracking code {code!r}"
    return code, typed.get("title")


def track(session, form, tab):
    """A malformed code, then the demo case that can be rated, then its rating: forgotten, then given."""
    typed = fill(form_on(tab, form.fields), form.fields, {"code": "JM-12", "phone_suffix": "8000"})
    submit(form_on(tab, form.fields))
    expect_error_summary(tab, typed, "a malformed tracking code")
    assert session.facts["rateable"], "no demo case left whose writer may rate the reply: add one to the demo"
    case = session.facts["rateable"].pop(0)  # rated once, a case cannot be rated again
    lookup = form_on(tab, form.fields)
    fill(lookup, form.fields, {"code": case["code"], "phone_suffix": case["phone_suffix"]})
    submit(lookup)
    expect(tab.locator("#case-status-heading"), "tracking finds the demo case").to_be_visible()
    steps = tab.locator(".case-timeline li").count()
    rating_fields = {"satisfaction": "radio", "comment": "textarea"}
    rating = form_on(tab, rating_fields)
    expect(rating, "the rating form for a replied case").to_be_visible()
    typed = fill(rating, rating_fields, {"satisfaction": SKIP})
    submit(rating)
    expect_error_summary(tab, typed, "a rating without a choice")
    correct(tab, rating_fields, ["satisfaction"])
    submit(form_on(tab, rating_fields))
    expect(tab.locator(".case-timeline li"), "the rating joins 办理过程").to_have_count(steps + 1)
    expect(tab.locator('[name="satisfaction"]'), "no second rating").to_have_count(0)


def answer_survey(session, form, tab):
    """The written answers without the choices, then the choices made."""
    choices = [name for name, kind in form.fields.items() if kind in NOT_TYPED]
    typed = fill(form_on(tab, form.fields), form.fields, dict.fromkeys(choices, SKIP))
    submit(form_on(tab, form.fields))
    expect_error_summary(tab, typed, "questions left unanswered")
    correct(tab, form.fields, choices)
    submit(form_on(tab, form.fields))
    expect(tab.get_by_role("status").first, "the survey's receipt").to_be_visible()
    expect(tab.locator("form.survey-form"), "the survey is not offered again").to_have_count(0)


@dataclass(frozen=True)
class Kind:
    """A kind of form: its method, the fields that tell it apart, and where it sends (locale prefix removed)."""

    name: str
    method: str
    needs: frozenset
    path: str
    handler: Callable

    def matches(self, form):
        path = re.sub(r"^/(zh-hant|en)/", "/", form.path)
        return form.method == self.method and self.needs <= set(form.fields) and re.fullmatch(self.path, path)


def kind(name, method, needs, path, handler):
    return Kind(name, method, frozenset(needs.split()), path, handler)


KINDS = [
    kind("站内搜索", "get", "q", r"/search/", search),
    kind("办事指南问答", "get", "", r"/services/scenarios/[^/]+/", answer_guide),
    kind("政府信息公开目录筛选", "get", "department keyword genre", r"/.*", filter_list),
    kind("办事事项筛选", "get", "department keyword item_type", r"/.*", filter_list),
    kind("绩效看板月份", "get", "month", r"/supervision/performance/.*", choose_month),
    kind("我要写信", "post", "captcha_answer category", r"/interaction/write/", write_case),
    kind("依申请公开", "post", "captcha_answer id_number", r"/interaction/disclosure-request/", write_case),
    kind("投诉监督", "post", "captcha_answer", r"/supervision/complaints/", write_case),
    kind("办理查询", "post", "code phone_suffix", r"/interaction/track/", track),
    kind("征集调查", "post", "", r"/interaction/surveys/[^/]+/", answer_survey),
    kind("在线访谈提问", "post", "captcha_answer", r"/interaction/interviews/[^/]+/", ask_interview),
]


def kind_of(form):
    return next((kind for kind in KINDS if kind.matches(form)), None)


def what_went_wrong(error):
    """The assertion's message with expected and actual values, without Playwright's call log."""
    text = str(error).split("Call log:")[0].strip() or type(error).__name__
    return " | ".join(line.strip() for line in text.splitlines() if line.strip())


@dataclass
class FormWalk:
    """Submits one form of each kind per site, locale and set of fields, each in its own tab and address."""

    browser: object
    facts: dict
    screenshots: Callable  # (tab, name) -> None
    submitted: list = field(default_factory=list)  # (kind name, page url)
    problems: list = field(default_factory=list)
    addresses: itertools.count = field(default_factory=lambda: itertools.count(1))

    def distinct(self, forms):
        chosen, unknown = {}, {}
        for form in forms:
            found = kind_of(form)
            if found is None:
                unknown.setdefault((form.method, form.path, frozenset(form.fields)), form)
                continue
            page = urlsplit(form.page)
            chosen.setdefault((page.hostname, locale_of(page.path), found.name, frozenset(form.fields)), (found, form))
        for form in unknown.values():
            self.problems.append(f"no handler knows the {form.method} form to {form.action} on {form.page}")
        return list(chosen.values())

    def run(self, forms):
        for found, form in self.distinct(forms):
            self.submit(found, form)
        return self

    def submit(self, found, form):
        context = self.browser.new_context(
            java_script_enabled=False,
            locale="zh-CN",
            extra_http_headers={"X-Real-IP": f"198.51.100.{next(self.addresses) % 250 + 1}"},
        )
        context.set_default_timeout(15_000)
        tab = context.new_page()
        try:
            tab.goto(form.page)
            found.handler(self, form, tab)
            self.submitted.append((found.name, form.page))
        except (AssertionError, PlaywrightError) as error:
            self.problems.append(f"{found.name} on {form.page}: {what_went_wrong(error)} (at {tab.url})")
            self.screenshots(tab, f"site-walk-form-{len(self.problems)}")
        finally:
            context.close()
