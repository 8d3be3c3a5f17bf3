"""Links and form actions work on any host and port: with two Sites (the portal and a department's own
hostname) Wagtail's `page.url` is absolute (http://localhost/…, port 80), so every link and form a reader
follows must be asked of the request. Served at 127.0.0.1:8000, a form posting to port 80 is blocked by our
CSP (form-action 'self') and a link there is refused."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.utils import timezone

from wagtail.models import Site

import pytest

from demo.loader import DemoLoader
from departments.onboarding import ensure_site
from interaction.models.cases import Status
from participation.models import InterviewPage, SurveyFormField
from supervision.models import PerformanceBoardPage, SupervisionComplaintPage

from .factories import (
    CaseFactory,
    DisclosureRequestPageFactory,
    InterviewIndexPageFactory,
    LetterBoardPageFactory,
    MessageFormPageFactory,
    SectionPageFactory,
    ServiceItemPageFactory,
    SurveyIndexPageFactory,
    SurveyPageFactory,
    TrackingPageFactory,
    procedure,
)
from .site_group import SiteGroup
from .worlds import world

pytestmark = pytest.mark.django_db

MAIN, SUBSITE = "127.0.0.1:8000", "mzj.localhost:8000"
ADDRESSES = re.compile(r'\b(href|action|src)="([^"]*)"')


def online_only_procedure():
    """A procedure done online only, as 10 of the demo's items are: no office to read a phone or hours from."""
    name, value = procedure("网上办理")
    online = {"online_url": "https://www.gdzwfw.gov.cn/", "hours": "全天", "consultation_phone": "0750-3500999"}
    return name, {**value, "office": None, "visits": "0", **online}


@world
def urls_portal(home):
    """Departments A (民政局, with its own Site at mzj.localhost, port 80 as onboarding makes it) and B, and
    every page with a citizen's form: 公众互动's letter, request, tracking and letter board, an interview, a
    survey, 网上监察's complaint form and board, and A's service item done online only."""
    group = SiteGroup(home)
    ensure_site(group.a, "mzj.localhost")
    interaction = SectionPageFactory(parent=home, slug="interaction", title="公众互动")
    group.write = MessageFormPageFactory(parent=interaction)
    group.request = DisclosureRequestPageFactory(parent=interaction)
    group.track = TrackingPageFactory(parent=interaction)
    group.letters = LetterBoardPageFactory(parent=interaction)
    now = timezone.now()
    group.interview = InterviewIndexPageFactory(parent=interaction).add_child(
        instance=InterviewPage(title="局长谈养老服务", slug="elderly", department=group.a, starts_at=now + timedelta(3))
    )
    group.survey = SurveyPageFactory(
        parent=SurveyIndexPageFactory(parent=interaction), opens_at=now - timedelta(3), closes_at=now + timedelta(7)
    )
    SurveyFormField.objects.create(page=group.survey, sort_order=0, label="您的建议", field_type="multiline")
    supervision = SectionPageFactory(parent=home, slug="supervision", title="网上监察")
    group.complaints = supervision.add_child(instance=SupervisionComplaintPage(title="投诉监督", slug="complaints"))
    supervision.add_child(instance=PerformanceBoardPage(title="部门绩效看板", slug="performance"))
    group.item = ServiceItemPageFactory(
        parent=group.column(group.a, "services"),
        title="核发检验合格标志",
        slug="inspection-mark",
        procedures=[online_only_procedure()],
    )
    group.letter = CaseFactory(
        department=group.a,
        status=Status.CLOSED,
        reply="已处理。",
        public_title="关于路灯不亮的问题",
        public_content="来信内容",
        public_reply="已处理。",
        replied_at=now,
        published_at=now,
    )
    return group


@pytest.fixture
def portal(urls_portal):
    return urls_portal


def addresses(response):
    """Every href, form action and src of a page, as written."""
    assert response.status_code == 200, response
    return [address for _, address in ADDRESSES.findall(response.content.decode())]


def actions(response):
    return re.findall(r'<form[^>]*\baction="([^"]*)"', response.content.decode())


def elsewhere(addresses, host, other_hosts=()):
    """The portal's own addresses a browser at `host` could not follow: absolute ones on another host or port
    than the request's (or one of `other_hosts`, the group's other Sites at the same port). Links to other
    websites (the national error-report service) are not the portal's."""
    ours = {urlsplit(f"//{host}").hostname, *Site.objects.values_list("hostname", flat=True)}
    allowed = {host, *other_hosts}
    return [
        address
        for address in addresses
        if urlsplit(address).hostname in ours and urlsplit(address).netloc not in allowed
    ]


def get(client, page_or_path, host):
    """The page at `host` (a page of the portal, or a path on that host)."""
    path = page_or_path if isinstance(page_or_path, str) else page_or_path.url_path.removeprefix("/home")
    return client.get(path, HTTP_HOST=host)


def test_every_citizen_form_posts_to_a_relative_address_on_the_portal(client, portal):
    pages = [portal.write, portal.request, portal.track, portal.interview, portal.survey, portal.complaints]

    for page in pages:
        response = get(client, page, MAIN)
        assert actions(response), page.title
        assert all(action.startswith("/") for action in actions(response)), (page.title, actions(response))
        assert elsewhere(addresses(response), MAIN) == [], page.title


def test_the_rating_form_after_a_lookup_posts_to_the_tracking_page(client, portal):
    response = client.post(
        "/interaction/track/",
        {"code": portal.letter.tracking_code, "phone_suffix": portal.letter.phone[-4:]},
        HTTP_HOST=MAIN,
    )

    assert "满意" in response.content.decode()
    assert actions(response) == ["/search/", "/interaction/track/"]


def test_the_letter_board_links_each_letter_and_back_on_the_same_host(client, portal):
    board = addresses(get(client, portal.letters, MAIN))
    letter_path = f"/interaction/letters/{portal.letter.pk}/"
    assert letter_path in board
    assert elsewhere(board, MAIN) == []

    letter = addresses(get(client, letter_path, MAIN))
    assert "/interaction/letters/" in letter
    assert elsewhere(letter, MAIN) == []


def test_a_service_item_without_an_office_answers_on_both_sites(client, portal):
    for host, path in [(MAIN, "/departments/mzj/services/inspection-mark/"), (SUBSITE, "/services/inspection-mark/")]:
        response = get(client, path, host)
        text = response.content.decode()
        assert response.status_code == 200, host
        assert "核发检验合格标志" in text and "办理地点" not in text
        assert "0750-3500999" in text and "<dt>投诉电话</dt><dd>12345</dd>" in text
        assert elsewhere(addresses(response), host, {"localhost"}) == [], host


def test_the_department_sub_site_links_within_itself_relatively(client, portal):
    department = addresses(get(client, "/", SUBSITE))

    assert "/services/" in department and "/notices/" in department
    # the deliberate ways back to the portal: the department's 绩效 page and 公众互动 (write, track, letters)
    back = ("/supervision/performance/", "/interaction/")
    assert [address for address in elsewhere(department, SUBSITE) if not any(path in address for path in back)] == []


def test_the_portal_links_to_a_department_on_its_own_host_and_port(client, portal):
    """Without `load_demo --port`: a department's pages, which its own Site also serves, stay relative."""
    department = addresses(get(client, "/departments/mzj/", MAIN))

    assert "/departments/mzj/services/" in department
    assert "/supervision/performance/department/mzj/" in department
    assert elsewhere(department, MAIN) == []


def test_demo_sites_on_the_server_port_link_across_sites_there(client, portal):
    """What `load_demo --port 8000` does for `make run`: the sub-site's links back to the portal reach the
    server the browser is talking to, and Sites at other hostnames are left as an administrator set them."""
    other = Site.objects.create(hostname="www.jiangmen.gov.cn", port=80, root_page=portal.b)
    DemoLoader(log=lambda message: None).serve_sites_on(8000, {"localhost", "mzj.localhost"})

    department = addresses(get(client, "/", SUBSITE))

    assert "http://localhost:8000/supervision/performance/department/mzj/" in department
    assert elsewhere(department, SUBSITE, {"localhost:8000"}) == []
    assert sorted(Site.objects.values_list("hostname", "port")) == [
        ("localhost", 8000),
        ("mzj.localhost", 8000),
        ("www.jiangmen.gov.cn", 80),
    ]
    other.refresh_from_db()
    assert other.port == 80
