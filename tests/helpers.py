"""Helpers shared by test modules (a test module never imports another): the query budget of a public page, and
公众互动 as a citizen and the back office use it."""

import re
from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from interaction.access import DESK
from languages.synchronised import paused
from participation.models import SurveyFormField
from portal import captcha
from portal.listing import PAGE_SIZE

from .factories import (
    DisclosureRequestPageFactory,
    LetterBoardPageFactory,
    MessageFormPageFactory,
    SectionPageFactory,
    SurveyIndexPageFactory,
    SurveyPageFactory,
    TrackingPageFactory,
)
from .site_group import SiteGroup, make_user

MAX_QUERIES = 15  # issue #10: any public page, whatever the number of children, entries or steps
FEW = 5
MANY = PAGE_SIZE + FEW  # more than a listing page holds, so pagination is part of the count

ID_NUMBER = "440703198001010012"
MOBILE = "13812345678"


def queries_for(client, url, **headers):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, **headers).status_code == 200
    return len(context.captured_queries)


def steady_queries(client, url, **headers):
    """The queries of a repeat visit: per-process caches (content types, site root paths) and the layout cache
    (menu, settings) warm, as for every reader but the first after a change."""
    queries_for(client, url, **headers)
    return queries_for(client, url, **headers)


def assert_constant(client, url, add_pages):
    """Add FEW pages, count the queries of `url`, add pages up to MANY (more than a listing page), count again:
    the counts must match and stay within MAX_QUERIES. The pages are published without their zh-hant conversion
    (about 0.3 s each, and tests/test_translation.py's business): a zh-hans page's queries do not depend on it."""
    with paused():
        add_pages(FEW)
    few = steady_queries(client, url)
    with paused():
        add_pages(MANY - FEW)
    many = steady_queries(client, url)
    assert few == many, f"{url}: {few} queries with {FEW} pages, {many} with {MANY}"
    assert many <= MAX_QUERIES, f"{url}: {many} queries"


def interaction_site(home):
    """The two departments of SiteGroup, 公众互动's four pages (write, request, track, letters) and the 12345 desk."""
    group = SiteGroup(home)
    section = SectionPageFactory(parent=home, slug="interaction", title="公众互动")
    group.write = MessageFormPageFactory(parent=section)
    group.request = DisclosureRequestPageFactory(parent=section)
    group.track = TrackingPageFactory(parent=section)
    group.letters = LetterBoardPageFactory(parent=section)
    group.desk = make_user("desk", Group.objects.get(name=DESK))
    return group


def solve_captcha(html):
    """The answer to the rendered form's question, read as a person reads it (“验证码：三加七等于几？” → "10")."""
    first, second = re.search(r"验证码：(.+?)加(.+?)等于几", html).groups()
    return str(captcha.NUMERALS.index(first) + captcha.NUMERALS.index(second))


def form_data(html, **fields):
    """The captcha of the rendered form, answered, plus `fields`."""
    token = re.search(r'name="captcha_token" value="([^"]+)"', html).group(1)
    return {"captcha_token": token, "captcha_answer": solve_captcha(html), **fields}


def message(**changes):
    """A 12345 letter as a citizen fills it in, with their ID number and phone in the text."""
    return {
        "name": "陈大文",
        "honorific": "先生",
        "phone": MOBILE,
        "email": "",
        "category": "complaint",
        "title": "建设三路夜间施工噪音扰民",
        "content": f"本人陈大文，身份证{ID_NUMBER}，住建设三路88号5栋1203房。工地每晚十一点后仍在施工，请处理。联系电话{MOBILE}。",
        "publish_consent": "on",
        **changes,
    }


def submit(client, page, data):
    html = client.get(page.url).content.decode()
    return client.post(page.url, form_data(html, **data))


def act(client, case, action, **fields):
    """A back-office action on a case, as its inspect view's form posts it."""
    return client.post(reverse("cases:inspect", args=[case.pk]), {"action": action, **fields})


# 征集调查: a survey asking for satisfaction and a suggestion, answered as a citizen would.
SATISFACTION = "非常满意\n满意\n一般\n不满意"


def survey(home, opens=-3, closes=7, **fields):
    """A survey open from `opens` to `closes` days from now, asking for satisfaction and a suggestion."""
    index = SurveyIndexPageFactory(parent=SectionPageFactory(parent=home, slug="interaction"))
    now = timezone.now()
    page = SurveyPageFactory(
        parent=index, opens_at=now + timedelta(days=opens), closes_at=now + timedelta(days=closes), **fields
    )
    SurveyFormField.objects.create(
        page=page, sort_order=0, label="您对政务服务的满意度", field_type="radio", required=True, choices=SATISFACTION
    )
    SurveyFormField.objects.create(page=page, sort_order=1, label="您的建议", field_type="multiline", required=False)
    return page


SATISFIED, SUGGESTION = "您对政务服务的满意度", "您的建议"
ANSWER = {SATISFIED: "满意", SUGGESTION: "希望延长周六办事时间"}


def answer(client, page, address="10.0.0.1", **changes):
    """Post an answer as a citizen would; `changes` are keyed by question label."""
    names = {field.label: field.clean_name for field in page.get_form_fields()}
    data = {names[label]: value for label, value in {**ANSWER, **changes}.items()}
    return client.post(page.url, data, REMOTE_ADDR=address)
