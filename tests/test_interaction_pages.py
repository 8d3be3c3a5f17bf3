"""公众互动's public pages cost the same number of SQL queries with a few or more than a page of letters,
departments or steps."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from interaction.models.cases import Status, Transition

from .factories import (
    CaseFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    DisclosureRequestPageFactory,
    LetterBoardPageFactory,
    MessageFormPageFactory,
    SectionPageFactory,
    TrackingPageFactory,
)
from .helpers import assert_constant

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, slug="interaction", title="公众互动")


@pytest.fixture
def departments(home):
    return DepartmentIndexPageFactory(parent=home)


def published_letter(department):
    return CaseFactory(
        department=department,
        status=Status.CLOSED,
        reply="已处理。",
        public_title="关于路灯不亮的问题",
        public_content="来信内容",
        public_reply="已处理。",
        replied_at=timezone.now(),
        published_at=timezone.now(),
    )


def test_letter_board_and_letter(client, section, departments):
    LetterBoardPageFactory(parent=section)

    def add(count):
        for _ in range(count):
            published_letter(DepartmentPageFactory(parent=departments))

    assert_constant(client, "/interaction/letters/", add)
    letter = published_letter(DepartmentPageFactory(parent=departments))
    assert_constant(client, f"/interaction/letters/{letter.pk}/", add)


def test_form_pages_list_every_department_in_one_query(client, section, departments):
    MessageFormPageFactory(parent=section)
    DisclosureRequestPageFactory(parent=section)

    def add(count):
        for _ in range(count):
            DepartmentPageFactory(parent=departments)

    assert_constant(client, "/interaction/write/", add)
    assert_constant(client, "/interaction/request/", add)


def test_tracking_page_with_a_long_timeline(client, section, departments):
    TrackingPageFactory(parent=section)
    department = DepartmentPageFactory(parent=departments)
    case = CaseFactory(department=department, status=Status.CLOSED, reply="已处理。")
    data = {"code": case.tracking_code, "phone_suffix": case.phone[-4:]}

    def add(count):
        for _ in range(count):
            Transition.objects.create(
                case=case, action="extend", status=Status.EXTENDED, actor_name="市民政局", department=department
            )

    add(5)
    lookup_queries(client, data)  # warm per-process caches
    few = lookup_queries(client, data)
    add(45)
    assert lookup_queries(client, data) == few


def lookup_queries(client, data):
    with CaptureQueriesContext(connection) as context:
        assert client.post("/interaction/track/", data).status_code == 200
    return len(context.captured_queries)
