"""网上监察's complaint entry (投诉监督) and interview questions (在线访谈提问), both through the case core."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest

from interaction.access import SUPERVISORS
from interaction.forms import MessageForm
from interaction.models import Case
from interaction.models.cases import Category, Kind, Status
from participation.models import InterviewPage

from .factories import InterviewIndexPageFactory, SectionPageFactory, SupervisionComplaintPageFactory
from .helpers import FEW, MANY, MOBILE, act, assert_constant, form_data, message, submit
from .site_group import SiteGroup, make_user
from .worlds import world

pytestmark = pytest.mark.django_db


@world
def supervision_portal(home):
    """The site group, 网上监察's complaint form and its supervisor, and an interview of A's in three days."""
    group = SiteGroup(home)
    section = SectionPageFactory(parent=home, slug="supervision", title="网上监察")
    group.complaints = SupervisionComplaintPageFactory(parent=section)
    group.supervisor = make_user("supervisor", Group.objects.get(name=SUPERVISORS))
    interviews = InterviewIndexPageFactory(parent=SectionPageFactory(parent=home, slug="interaction"))
    group.interview = interviews.add_child(
        instance=InterviewPage(
            title="局长谈养老服务", slug="elderly", department=group.a, starts_at=timezone.now() + timedelta(days=3)
        )
    )
    return group


@pytest.fixture
def portal(supervision_portal):
    return supervision_portal


def inspect_url(case):
    return reverse("cases:inspect", args=[case.pk])


def complaint(**changes):
    data = message(**{"requested_department": "", "title": "窗口工作人员态度生硬", **changes})
    data.pop("category")
    return data


def test_a_complaint_is_a_case_for_the_supervision_group_only(client, portal):
    response = submit(client, portal.complaints, complaint(requested_department=str(portal.a.pk)))

    assert response.status_code == 201
    case = Case.objects.get()
    assert case.category == Category.SUPERVISION and case.kind == Kind.MESSAGE
    client.force_login(portal.editor_a)
    assert act(client, case, "accept").status_code == 403  # the department complained about cannot take it
    client.force_login(portal.supervisor)
    act(client, case, "accept")
    case.refresh_from_db()
    assert case.status == Status.ACCEPTED


def test_the_supervision_group_sees_complaints_and_not_ordinary_letters(client, portal):
    submit(client, portal.complaints, complaint())
    client.logout()
    other = Case.objects.create(name="李四", phone=MOBILE, title="路灯不亮", content="路灯不亮", category="complaint")
    client.force_login(portal.supervisor)

    assert client.get(inspect_url(Case.objects.get(category="supervision"))).status_code == 200
    assert client.get(inspect_url(other)).status_code == 403


def test_ordinary_letters_cannot_choose_the_supervision_category(client, portal):
    assert "supervision" not in dict(MessageForm().fields["category"].choices)


QUESTION = {"name": "陈大文", "honorific": "先生", "phone": MOBILE, "content": f"长者饭堂怎么申请？我的电话{MOBILE}"}


def test_an_interview_question_shows_only_after_moderation_and_never_with_contact_data(client, portal):
    response = submit(client, portal.interview, QUESTION)

    assert response.status_code == 201
    case = Case.objects.get(kind=Kind.INTERVIEW)
    assert case.page_id == portal.interview.pk and case.department == portal.a
    assert "长者饭堂怎么申请" not in client.get(portal.interview.url).content.decode()

    client.force_login(portal.reviewer_a)
    page = client.get(inspect_url(case)).content.decode()
    assert "网友“陈先生”" in page  # the moderator starts from the masked text
    act(client, case, "approve", public_title="网友“陈先生”", public_content="长者饭堂怎么申请？我的电话138****5678")
    client.logout()

    text = client.get(portal.interview.url).content.decode()
    assert "长者饭堂怎么申请" in text and "网友“陈先生”" in text
    assert MOBILE not in text and "陈大文" not in text


def test_a_declined_question_never_shows(client, portal):
    submit(client, portal.interview, QUESTION)
    case = Case.objects.get(kind=Kind.INTERVIEW)
    client.force_login(portal.reviewer_a)
    act(client, case, "decline")
    client.logout()

    assert Case.objects.get(pk=case.pk).status == Status.REJECTED
    assert "长者饭堂怎么申请" not in client.get(portal.interview.url).content.decode()


def test_another_departments_reviewer_cannot_moderate(client, portal):
    submit(client, portal.interview, QUESTION)
    case = Case.objects.get(kind=Kind.INTERVIEW)
    client.force_login(portal.reviewer_b)

    assert act(client, case, "approve", public_title="网友", public_content="问题").status_code == 403


@pytest.mark.parametrize("bad", [{"content": ""}, {"phone": "12345"}, {"content": "<script>alert(1)</script>"}])
def test_bad_questions_get_a_message_and_store_nothing(client, portal, bad):
    response = submit(client, portal.interview, {**QUESTION, **bad})

    assert response.status_code == 400
    assert not Case.objects.exists()


def test_a_finished_interview_takes_no_more_questions(client, portal):
    html = client.get(portal.interview.url).content.decode()
    InterviewPage.objects.filter(pk=portal.interview.pk).update(starts_at=timezone.now() - timedelta(days=2))

    response = client.post(portal.interview.url, form_data(html, **QUESTION))

    assert response.status_code == 403 and "访谈已结束" in response.content.decode()
    assert not Case.objects.exists()


def test_the_interview_page_costs_the_same_queries_with_few_or_many_questions(client, portal):
    def add(count):
        for number in range(count):
            Case.objects.create(
                kind=Kind.INTERVIEW,
                page=portal.interview,
                department=portal.a,
                name="陈大文",
                phone=MOBILE,
                title="访谈提问",
                content=f"问题{number}",
                status=Status.CLOSED,
                public_title="网友“陈先生”",
                public_content=f"问题{number}",
                published_at=timezone.now(),
            )

    assert_constant(client, portal.interview.url, add)
    assert f"问题{MANY - FEW - 1}" in client.get(portal.interview.url).content.decode()  # the last one added


def test_the_complaint_form_costs_the_same_queries_whatever_the_number_of_complaints(client, portal):
    assert_constant(
        client,
        portal.complaints.url,
        lambda count: [
            submit(client, portal.complaints, complaint(title=f"投诉{n}", content=f"情况{n}")) for n in range(count)
        ],
    )
