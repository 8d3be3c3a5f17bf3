"""Public participation: surveys and public-comment solicitations (征集调查)."""

import csv
import io
from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

import pytest

from interaction.models.cases import Kind, Status

from .factories import (
    CaseFactory,
    InterviewIndexPageFactory,
    InterviewPageFactory,
    LetterBoardPageFactory,
    SectionPageFactory,
    SurveyPageFactory,
)
from .helpers import SATISFIED, SUGGESTION, answer, assert_constant, queries_for, survey

pytestmark = pytest.mark.django_db


def test_an_open_survey_takes_an_answer_and_thanks_the_citizen(client, home):
    page = survey(home)

    response = answer(client, page)

    assert response.status_code == 200
    assert "感谢" in response.content.decode()
    assert FormSubmission.objects.filter(page=page).count() == 1


def test_a_closed_survey_refuses_a_new_answer_with_a_clear_message(client, home):
    page = survey(home, opens=-10, closes=-1)

    response = answer(client, page)

    assert response.status_code == 403
    assert "结束" in response.content.decode() and "不接受" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_a_survey_not_yet_open_refuses_answers(client, home):
    response = answer(client, survey(home, opens=2, closes=9))

    assert response.status_code == 403
    assert "开始" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_a_second_answer_from_the_same_client_is_refused(client, home):
    page = survey(home)
    answer(client, page)

    again = answer(client, page)

    assert again.status_code == 429
    assert "只能提交一次" in again.content.decode()
    assert FormSubmission.objects.filter(page=page).count() == 1


def test_clearing_the_cookie_does_not_allow_a_second_answer_within_the_window(home):
    page = survey(home)
    answer(Client(), page)

    again = answer(Client(), page)  # a fresh browser (no cookie) from the same address

    assert again.status_code == 429
    assert FormSubmission.objects.filter(page=page).count() == 1


def test_other_citizens_can_still_answer(home):
    page = survey(home)
    answer(Client(), page, address="10.0.0.1")

    other = answer(Client(), page, address="10.0.0.2")

    assert other.status_code == 200
    assert FormSubmission.objects.filter(page=page).count() == 2


@pytest.mark.parametrize(
    "bad",
    [
        {SATISFIED: ""},
        {SATISFIED: "<script>alert(1)</script>"},
    ],
)
def test_bad_answers_get_a_message_and_store_nothing(client, home, bad):
    page = survey(home)

    response = answer(client, page, **bad)

    assert response.status_code == 400
    assert "field__error" in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert answer(client, page).status_code == 200  # a refused answer does not use up the citizen's turn


def test_csv_export_contains_every_stored_answer(home, admin_client):
    page = survey(home)
    suggestions = [f"建议第{number}条" for number in range(7)]
    for number, suggestion in enumerate(suggestions):
        answer(Client(), page, **{SUGGESTION: suggestion}, address=f"10.0.1.{number}")

    response = admin_client.get(reverse("wagtailforms:list_submissions", args=[page.pk]), {"export": "csv"})

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 1 + len(suggestions)
    assert sorted(row[-1] for row in rows[1:]) == sorted(suggestions)


def closed_with_answers(home, client_count=4, **fields):
    page = survey(home, opens=-10, closes=7, **fields)
    for number in range(client_count):
        choice = "满意" if number % 2 else "非常满意"
        answer(Client(), page, **{SATISFIED: choice}, address=f"10.0.2.{number}")
    page.closes_at = timezone.now() - timedelta(minutes=1)
    page.save_revision().publish()
    return page


def test_a_closed_survey_shows_its_results_summary(client, home):
    page = closed_with_answers(home)

    text = client.get(page.url).content.decode()

    assert "结果汇总" in text and "共收到 4 份答卷" in text
    assert "非常满意" in text and "50%" in text
    assert "<textarea" not in text  # no form any more


def test_results_stay_hidden_when_the_editor_chooses(client, home):
    page = closed_with_answers(home, results="hidden")

    assert "结果汇总" not in client.get(page.url).content.decode()


def test_a_consultation_offers_its_draft_and_later_its_feedback_summary(client, home):
    page = closed_with_answers(home, kind="consultation", feedback_summary="<p>共收到意见46条，采纳12条。</p>")

    text = client.get(page.url).content.decode()

    assert "意见采纳情况" in text and "采纳12条" in text


def test_survey_pages_cost_the_same_queries_with_few_or_many_answers(client, home):
    page = closed_with_answers(home, client_count=3)
    queries_for(client, page.url)
    few = queries_for(client, page.url)
    FormSubmission.objects.bulk_create([FormSubmission(page=page, form_data={}) for _ in range(40)])

    assert queries_for(client, page.url) == few


def test_the_survey_column_costs_the_same_queries_with_few_or_many_surveys(client, home):
    index = survey(home).get_parent()
    now = timezone.now()

    def add(count):
        for _ in range(count):
            SurveyPageFactory(parent=index, opens_at=now, closes_at=now + timedelta(days=3))

    assert_constant(client, index.url, add)


def interview(home, days=3, **fields):
    index = InterviewIndexPageFactory(parent=SectionPageFactory(parent=home, slug="interaction"))
    starts = timezone.now() + timedelta(days=days)
    guests = [("guest", {"name": "黄志明", "position": "江门市民政局局长", "photo": None})]
    return InterviewPageFactory(parent=index, starts_at=starts, guests=guests, **fields)


def test_an_announced_interview_shows_its_guests_and_time(client, home):
    page = interview(home, days=3)

    text = client.get(page.url).content.decode()

    assert "访谈预告" in text and "黄志明" in text and "江门市民政局局长" in text
    assert "文字实录" not in text


def test_a_held_interview_publishes_its_transcript(client, home):
    transcript = [
        (
            "exchange",
            {
                "asker": "网友“林先生”",
                "question": "怎样申请创业资助？",
                "answerer": "吴丽华",
                "answer": "<p>可在网上申请。</p>",
            },
        )
    ]
    page = interview(home, days=-10, transcript=transcript)

    text = client.get(page.url).content.decode()

    assert "已结束" in text and "文字实录" in text
    assert "网友“林先生”" in text and "可在网上申请。" in text


def test_interview_pages_cost_the_same_queries_with_few_or_many_exchanges(client, home):
    exchange = ("exchange", {"asker": "主持人", "question": "问题", "answerer": "黄志明", "answer": "<p>回答</p>"})
    short = interview(home, days=-10, transcript=[exchange])
    long = InterviewPageFactory(
        parent=short.get_parent(), starts_at=short.starts_at, guests=short.guests, transcript=[exchange] * 30
    )
    queries_for(client, short.url)

    assert queries_for(client, short.url) == queries_for(client, long.url)
    index = short.get_parent()
    assert_constant(
        client,
        index.url,
        lambda count: [InterviewPageFactory(parent=index, starts_at=short.starts_at) for _ in range(count)],
    )


def test_an_approved_but_unanswered_interview_question_stays_off_the_letter_board(client, home):
    page = interview(home, days=3)
    board = LetterBoardPageFactory(parent=page.get_parent().get_parent())
    now = timezone.now()
    question = CaseFactory(
        kind=Kind.INTERVIEW,
        page=page,
        status=Status.CLOSED,
        name="张丽",
        honorific="女士",
        content="长者饭堂怎么申请？",
        public_title="网友“张女士”",
        public_content="长者饭堂怎么申请？",
        published_at=now,
    )
    letter = CaseFactory(
        status=Status.CLOSED,
        reply="已修复。",
        replied_at=now - timedelta(days=2),
        public_title="路灯不亮",
        public_content="路灯坏了。",
        public_reply="已修复。",
        published_at=now - timedelta(days=1),
    )

    letters = client.get(board.url).content.decode()

    assert "网友“张女士”" in client.get(page.url).content.decode()  # it shows on its interview
    assert "路灯不亮" in letters and "张女士" not in letters
    assert client.get(f"{board.url}{question.pk}/").status_code == 404
    assert client.get(f"{board.url}{letter.pk}/").status_code == 200
