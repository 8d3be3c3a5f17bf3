"""Whatever arrives at a public URL — path, query string, form body, headers, JSON — the portal answers below 500.

Hypothesis draws the input against every URL pattern of the URLconf (a new one must be taught to `example_paths`,
so none is forgotten) and one page of every page type (built from the factories; a new type without a factory
is added under an allowed parent). Examples are bounded and derandomized: CI sees the same requests every run.
A 4xx with a reason is the right answer to nonsense; a 5xx is a bug.
"""

import io
import json
import re
from datetime import timedelta
from itertools import count
from types import SimpleNamespace
from unittest import mock
from urllib.parse import quote

from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client, override_settings
from django.urls import URLResolver, get_resolver
from django.utils import timezone

from wagtail.models import Page, Site, get_page_models

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interaction.api import PUSHABLE
from interaction.models.cases import Status
from participation.models import SurveyFormField

from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CaseFactory,
    ChannelPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    DepartmentServicesPageFactory,
    DisclosureCatalogPageFactory,
    DisclosureEntryPageFactory,
    DisclosureIndexPageFactory,
    DisclosureRequestPageFactory,
    HomePageFactory,
    InterviewIndexPageFactory,
    InterviewPageFactory,
    LetterBoardPageFactory,
    MessageFormPageFactory,
    PerformanceBoardPageFactory,
    ScenarioGuidePageFactory,
    ScenarioIndexPageFactory,
    SectionPageFactory,
    ServiceIndexPageFactory,
    ServiceItemPageFactory,
    StandardPageFactory,
    SupervisionComplaintPageFactory,
    SurveyIndexPageFactory,
    SurveyPageFactory,
    TrackingPageFactory,
)
from .worlds import NOW, world

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
TOKEN = "exchange-token"
PUSH_TOKEN = "push-token"
ADDRESSES = count(1)

odd_text = st.text(max_size=120) | st.sampled_from(
    [
        "",
        "0",
        "-1",
        "9" * 30,
        "1e999",
        "NaN",
        "<script>",
        "' OR 1=1 --",
        "%",
        "%ff",
        "..",
        "../../etc/passwd",
        "ｆｕｌｌ",
    ]
)
parameter_names = st.sampled_from(
    ["q", "page", "sort", "department", "topic", "genre", "year", "validity", "order", "type", "theme", "code",
     "since", "fields", "search", "limit", "offset", "child_of", "locale", "hukou", "photo", "month", "preview"]
) | st.text(min_size=1, max_size=20)  # fmt: skip
query_pairs = st.lists(st.tuples(parameter_names, odd_text), max_size=6)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
deep_json = st.integers(min_value=33, max_value=100_000).flatmap(
    lambda depth: st.sampled_from(["[" * depth, '{"a":' * depth, "[" * depth + "]" * depth])
)
huge_number = st.sampled_from(["1" * 5000, "-" + "9" * 4400, "1e99999", "[" + "1" * 5000 + "]"])
odd_tokens = st.sampled_from(["", TOKEN, PUSH_TOKEN, "令牌", "tökén", "\u00a0", "a" * 5000]) | st.text(max_size=30)


@world(empty_portal=False, built_at=NOW)  # the tests' today: the survey is open, the interview live
def fuzz_portal():
    """One page of every page type (an open survey, a live interview, a published letter) and their URLs."""
    return build_portal()


@pytest.fixture
def portal(fuzz_portal):
    """The pages, with the exchange and push tokens the API tests send."""
    with override_settings(INTERACTION_EXCHANGE_TOKENS={TOKEN: "*"}, SERVICES_PUSH_TOKEN=PUSH_TOKEN):
        yield fuzz_portal


def build_portal():
    root = Page.get_first_root_node()
    root.get_children().delete()
    home = HomePageFactory(parent=root)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    department = DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home), slug="mzj")
    ArticlePageFactory(parent=ArticleIndexPageFactory(parent=department))
    DisclosureEntryPageFactory(parent=DisclosureCatalogPageFactory(parent=department))
    ServiceItemPageFactory(parent=DepartmentServicesPageFactory(parent=department)).save_revision().publish()
    now = timezone.now()
    interaction = SectionPageFactory(parent=home, slug="interaction", title="公众互动")
    services = SectionPageFactory(parent=home, slug="services", title="网上办事")
    forms = [
        MessageFormPageFactory(parent=interaction),
        DisclosureRequestPageFactory(parent=interaction),
        TrackingPageFactory(parent=interaction),
        SupervisionComplaintPageFactory(parent=interaction),
        InterviewPageFactory(
            parent=InterviewIndexPageFactory(parent=interaction), department=department, starts_at=now
        ),
        SurveyPageFactory(
            parent=SurveyIndexPageFactory(parent=interaction), opens_at=now - timedelta(1), closes_at=now + timedelta(7)
        ),
    ]
    SurveyFormField.objects.create(page=forms[-1], sort_order=0, label="您的建议", field_type="multiline")
    LetterBoardPageFactory(parent=interaction)
    PerformanceBoardPageFactory(parent=interaction)
    ChannelPageFactory(parent=home)
    StandardPageFactory(parent=home)
    ScenarioGuidePageFactory(parent=ScenarioIndexPageFactory(parent=services))
    ServiceIndexPageFactory(parent=services)
    DisclosureIndexPageFactory(parent=services)
    add_the_remaining_page_types()
    case = CaseFactory(department=department, status=Status.CLOSED, reply="已处理。", public_title="路灯不亮")
    case.public_reply, case.published_at = "已处理。", now
    case.save()
    return SimpleNamespace(
        case=case,
        pages=[page.specific.url for page in Page.objects.filter(depth__gt=1).order_by("path")],
        forms=[page.url for page in forms],
    )


def add_the_remaining_page_types():
    """A page with just a title of each page type no factory above made, under the first page that may hold it."""
    present = set(Page.objects.values_list("content_type__app_label", "content_type__model"))
    for model in get_page_models():
        if model.is_creatable and (model._meta.app_label, model._meta.model_name) not in present:
            parent = next(page for page in Page.objects.order_by("path") if model.can_create_at(page.specific))
            parent.add_child(instance=model(title=model._meta.verbose_name, slug=model._meta.model_name))


def public_patterns(resolver=None, prefix=""):
    """Every URL pattern outside the admin, as written in the URLconf."""
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith("admin/"):
            continue
        if isinstance(pattern, URLResolver):
            yield from public_patterns(pattern, route)
        else:
            yield route


CONVERTERS = {
    r"<int:\w+>": "1",
    r"<str:\w+>": "ABC",
    r"\(\\d\+\)": "1",
    r"\(\.\*\)": "x.pdf",
}


def example_paths(pages):
    """A path for every public URL pattern: converters filled in, Wagtail's page pattern as every page's URL."""
    paths = list(pages)
    for route in public_patterns():
        if route.endswith("^((?:[\\w\\-]+/)*)$"):
            continue  # wagtail_serve: the pages themselves
        path = route.replace("^", "").replace("$", "")
        for converter, value in CONVERTERS.items():
            path = re.sub(converter, value, path)
        assert not re.search(r"[<>()\\*+?]", path), f"teach example_paths the pattern {route}"
        paths.append("/" + path)
    return paths


def client():
    """A reader at a new address each time, so the rate limits let the fuzzing through to the forms."""
    number = next(ADDRESSES)
    return Client(REMOTE_ADDR=f"10.18.{number // 250 % 250}.{number % 250}")


def assert_below_500(response, request):
    assert response.status_code < 500, (response.status_code, request)


segments = st.lists(st.text(min_size=1, max_size=30).map(lambda text: quote(text, safe="")), max_size=4)


@EXAMPLES
@given(data=st.data(), extra=segments)
def test_any_path_below_a_public_url(portal, data, extra):
    base = data.draw(st.sampled_from(example_paths(portal.pages)))
    path = base.rstrip("/") + "/" + "/".join(extra) + ("/" if extra else "")
    assert_below_500(client().get(path), path)


@EXAMPLES
@given(data=st.data(), pairs=query_pairs, raw=st.sampled_from(["", "&%", "a=%zz", "page=%00", "q=%E4%B8"]))
def test_any_query_string_on_a_public_url(portal, data, pairs, raw):
    path = data.draw(st.sampled_from(example_paths(portal.pages)))
    query = "&".join(f"{quote(key)}={quote(value)}" for key, value in pairs) + raw
    assert_below_500(client().get(f"{path}?{query}"), (path, query))


content_types = st.sampled_from(
    [
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=utf-8",
        "application/x-www-form-urlencoded; charset=gbk",
        "application/x-www-form-urlencoded; charset=nonesuch",
        "multipart/form-data; boundary=fuzz",
        "multipart/form-data; boundary=fuzz; charset=nonesuch",
        "multipart/form-data",
        "text/plain",
        "application/json",
        "",
    ]
)


def form_body(pairs):
    return "&".join(f"{quote(key)}={quote(value)}" for key, value in pairs).encode()


def multipart_body(pairs):
    parts = [f'--fuzz\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n' for key, value in pairs]
    return ("".join(parts) + "--fuzz--\r\n").encode()


form_fields = st.sampled_from(
    ["name", "honorific", "phone", "email", "category", "title", "content", "publish_consent", "captcha_token",
     "captcha_answer", "requested_department", "purpose", "delivery_form", "delivery_method", "code", "phone_suffix",
     "satisfaction", "wo_de_jian_yi", "csrfmiddlewaretoken"]
) | st.text(min_size=1, max_size=20)  # fmt: skip
bodies = st.lists(st.tuples(form_fields, odd_text), max_size=8).flatmap(
    lambda pairs: st.sampled_from([form_body(pairs), multipart_body(pairs)])
) | st.binary(max_size=300)


@EXAMPLES
@given(data=st.data(), body=bodies, content_type=content_types)
def test_any_form_body_to_a_public_form(portal, data, body, content_type):
    path = data.draw(st.sampled_from([*portal.forms, "/search/", "/elderly-mode/", "/_util/login/"]))
    response = client().generic("POST", path, body, content_type=content_type)
    assert_below_500(response, (path, content_type, body))


headers = st.fixed_dictionaries(
    {},
    optional={
        "CONTENT_TYPE": content_types,
        "CONTENT_LENGTH": st.sampled_from(["", "0", "-1", "abc", "99999999999", "5"]),
        "HTTP_ACCEPT_LANGUAGE": st.sampled_from(["en", "zh-hant", "xx", "*", ";q=x", ""]) | st.text(max_size=20),
        "HTTP_COOKIE": st.sampled_from(["elderly_mode=1", "sessionid=x", "csrftoken=\u00ff", "a=b; =c"]),
        "HTTP_HOST": st.sampled_from(["localhost", "mzj.localhost", "127.0.0.1:99999", "[::1", "exa mple"]),
        "HTTP_AUTHORIZATION": odd_tokens.map(lambda token: f"Bearer {token}"),
        "HTTP_IF_MODIFIED_SINCE": st.sampled_from(["yesterday", "Thu, 01 Jan 1970 00:00:00 GMT"]),
        "HTTP_RANGE": st.sampled_from(["bytes=0-0", "bytes=9-1", "bytes=x"]),
        "HTTP_X_REAL_IP": st.sampled_from(["", "not an address", "::1", "1.2.3.4, 5.6.7.8"]),
    },
)


@EXAMPLES
@given(data=st.data(), extra=headers, method=st.sampled_from(["GET", "POST", "HEAD", "PUT", "OPTIONS"]))
def test_any_headers_on_a_public_url(portal, data, extra, method):
    path = data.draw(st.sampled_from([*example_paths(portal.pages), *portal.forms]))
    body = data.draw(bodies)
    extra = {"wsgi.input": io.BytesIO(body), **extra}  # a real socket: a longer Content-Length just ends early
    extra.setdefault("CONTENT_LENGTH", str(len(body)))
    response = client().generic(method, path, **extra)
    assert_below_500(response, (method, path, extra))


API_PATHS = ["/api/12345/cases/", "/api/12345/cases/{code}/", "/api/12345/cases/{code}/events/", "/api/services/items/"]
events = st.fixed_dictionaries(
    {"event_id": odd_text, "action": st.sampled_from(sorted(PUSHABLE)) | odd_text},
    optional={
        "reply": odd_text,
        "note": odd_text,
        "outcome": odd_text,
        "reason": odd_text,
        "department": st.sampled_from(["mzj", "jyj"]) | odd_text,
        "satisfaction": json_values,
    },
)
json_bodies = (
    st.one_of(events, json_values).map(lambda value: json.dumps(value).encode())
    | deep_json.map(str.encode)
    | huge_number.map(str.encode)
    | st.binary(max_size=200)
)


@EXAMPLES
@given(data=st.data(), body=json_bodies, token=odd_tokens, method=st.sampled_from(["GET", "POST"]))
def test_any_json_to_the_apis_is_answered_in_json(portal, data, body, token, method):
    path = data.draw(st.sampled_from(API_PATHS)).format(code=portal.case.tracking_code)
    token = data.draw(st.sampled_from([token, PUSH_TOKEN if "services" in path else TOKEN]))
    response = client().generic(
        method, path, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert_below_500(response, (method, path, token, body[:200]))
    if response.status_code != 405:  # Django's require_POST / require_GET answer an empty 405
        assert response["Content-Type"].startswith("application/json"), response.content[:200]


# The cases found by probing, each with the answer a caller should read.


def test_a_non_ascii_exchange_token_is_refused_not_a_crash(portal):
    response = client().get("/api/12345/cases/", HTTP_AUTHORIZATION="Bearer 令牌")
    assert response.status_code == 401
    assert "令牌" in response.json()["error"]
    push = client().post(
        "/api/services/items/", b"[]", content_type="application/json", HTTP_AUTHORIZATION="Bearer 令牌"
    )
    assert push.status_code == 403


@pytest.mark.parametrize("path", ["/api/12345/cases/{code}/events/", "/api/services/items/"])
def test_deeply_nested_json_is_refused_with_the_limit(portal, path):
    path = path.format(code=portal.case.tracking_code)
    token = PUSH_TOKEN if "services" in path else TOKEN
    response = client().post(path, "[" * 100_000, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 400
    assert "嵌套超过 32 层" in response.json()["error"]


def test_a_push_over_the_limit_is_refused_in_json_with_the_limit(portal, settings):
    settings.SERVICES_PUSH_MAX_BYTES = 3 * 1024 * 1024
    body = b"[" + b" " * (3 * 1024 * 1024) + b"]"
    response = client().post(
        "/api/services/items/", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {PUSH_TOKEN}"
    )
    assert response.status_code == 413
    assert "3 MB" in response.json()["error"]


def test_a_push_larger_than_a_form_is_read(portal, settings):
    """Pushes may exceed DATA_UPLOAD_MAX_MEMORY_SIZE, which Django would answer with an HTML 400."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    body = b"[" + b" " * 4096 + b"]"
    response = client().post(
        "/api/services/items/", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {PUSH_TOKEN}"
    )
    assert response.status_code == 200, response.content


@pytest.mark.parametrize("charset", ["gbk", "nonesuch"])
@pytest.mark.parametrize("kind", ["application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz"])
def test_a_form_in_another_charset_is_refused_with_a_reason(portal, charset, kind):
    pairs = [("title", "路灯"), ("content", "不亮")]
    body = form_body(pairs) if kind.startswith("application") else multipart_body(pairs)
    response = client().generic("POST", portal.forms[0], body, content_type=f"{kind}; charset={charset}")
    assert response.status_code == 400
    assert "表单须以 UTF-8 编码提交" in response.content.decode()


def test_a_thousand_segment_url_is_not_found(portal):
    assert client().get("/" + "a/" * 1000).status_code == 404


def test_the_pages_api_says_unavailable_when_the_database_is_down(db):
    refused = OperationalError("connection refused")
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=refused):
        response = Client(raise_request_exception=False).get("/api/v2/pages/?search=路灯")
    assert response.status_code == 503
