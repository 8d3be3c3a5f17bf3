"""Whatever a reader types into a public query parameter or form field, the served portal answers below 500.

Hypothesis draws the values (control characters, huge numbers, markup, other scripts, repeated keys); the
requests go over HTTP to the demo portal of conftest.py, so the whole stack — URL decoding, middleware, views,
templates — is exercised. A 4xx with a message is fine; a 5xx is a bug.
"""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.browser

# Ten examples per test, the same in every run (derandomize): they already mix the listed odd values with drawn
# text and numbers, and each one crosses the whole served stack, so more would add minutes, not kinds of input.
EXAMPLES = settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], derandomize=True
)
odd_text = st.text(max_size=300) | st.sampled_from(
    ["", "0", "-1", "99999999999999999999", "1e9", "<script>", "' OR 1=1"]
)
number_text = st.integers(min_value=-(10**20), max_value=10**20).map(str) | odd_text


def any_of(*valid):
    return st.sampled_from(valid) | odd_text


class Reader:
    """A browser-like HTTP client with its own cookies: the status, never an exception, for any answer."""

    def __init__(self, base, address="192.0.2.10"):
        self.base = base
        self.address = address  # as the proxy reports it: the portal's rate limits count this reader apart
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.hidden_fields = {}

    def open(self, path, pairs=None, form=None):
        url = self.base + path + ("?" + urllib.parse.urlencode(pairs) if pairs else "")
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        headers = {"Referer": self.base + path, "X-Real-IP": self.address}
        request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310 (http://localhost)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def post_form(self, path, fields):
        """Fill the form as a reader would: the page's hidden fields (CSRF, captcha token) plus `fields`."""
        if path not in self.hidden_fields:
            status, html = self.open(path)
            assert status == 200, path
            self.hidden_fields[path] = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
        return self.open(path, form={**self.hidden_fields[path], **fields})[0]


@pytest.fixture(scope="module")
def reader(portal):
    return Reader(portal)


def assert_answers(reader, path, pairs):
    status, _ = reader.open(path, pairs)
    assert status < 500, (path, pairs)


@EXAMPLES
@given(q=odd_text, page=number_text)
def test_search(reader, q, page):
    assert_answers(reader, "/search/", [("q", q), ("page", page)])


@EXAMPLES
@given(
    department=odd_text,
    topic=any_of("general", "civil_affairs"),
    genre=odd_text,
    year=number_text,
    validity=odd_text,
    keyword=odd_text,
    sort=any_of("newest", "oldest"),
    page=number_text,
)
def test_disclosure_catalog_filters(reader, department, topic, genre, year, validity, keyword, sort, page):
    fields = locals().copy()
    del fields["reader"]
    assert_answers(reader, "/disclosure/catalog/", list(fields.items()))
    assert_answers(reader, "/departments/mzj/disclosure/", list(fields.items()))


@EXAMPLES
@given(department=odd_text, item_type=odd_text, audience=odd_text, theme=odd_text, keyword=odd_text, page=number_text)
def test_service_item_filters(reader, department, item_type, audience, theme, keyword, page):
    fields = locals().copy()
    del fields["reader"]
    assert_answers(reader, "/services/items/", list(fields.items()))


@EXAMPLES
@given(
    answers=st.lists(
        st.tuples(any_of("identity", "place", "checkup"), any_of("both_mainland", "city", "no")), max_size=8
    )
)
def test_scenario_answers(reader, answers):
    assert_answers(reader, "/services/scenarios/marriage/", answers)


@EXAMPLES
@given(
    path=st.sampled_from(["/citizen/", "/departments/mzj/news/", "/interaction/letters/", "/services/scenarios/"]),
    page=number_text,
    audience=odd_text,
)
def test_listing_pagination(reader, path, page, audience):
    assert_answers(reader, path, [("page", page), ("audience", audience)])


@EXAMPLES
@given(
    name=odd_text,
    honorific=any_of("先生", "女士"),
    phone=any_of("13800138000"),
    email=odd_text,
    category=any_of("consultation", "complaint"),
    requested_department=number_text,
    title=odd_text,
    content=odd_text,
    publish_consent=any_of("on"),
    captcha_answer=number_text,
)
def test_message_form(reader, **fields):
    assert reader.post_form("/interaction/write/", fields) < 500


@EXAMPLES
@given(
    name=odd_text,
    applicant_type=odd_text,
    id_type=odd_text,
    id_number=any_of("440703198001010012"),
    phone=odd_text,
    email=odd_text,
    address=odd_text,
    requested_department=number_text,
    description=odd_text,
    purpose=odd_text,
    delivery_form=odd_text,
    delivery_method=odd_text,
    title=odd_text,
    content=odd_text,
    captcha_answer=number_text,
)
def test_disclosure_request_form(reader, **fields):
    assert reader.post_form("/interaction/disclosure-request/", fields) < 500


@EXAMPLES
@given(code=any_of("JM-ABCD-EFGH-JKMN"), phone_suffix=number_text)
def test_tracking_form(reader, code, phone_suffix):
    assert reader.post_form("/interaction/track/", {"code": code, "phone_suffix": phone_suffix}) < 500
