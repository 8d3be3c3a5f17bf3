"""公众互动 from a department's page: write to that department (chosen already on the form), track, and read the
letters it answered, newest on its page and all of them on 公开信件."""

from django.utils import timezone

import pytest

from interaction.models import Case
from interaction.models.cases import Status

from .factories import CaseFactory

pytestmark = pytest.mark.django_db


def published_letter(department, title):
    case = CaseFactory(department=department, status=Status.CLOSED, reply="已安排维修。")
    Case.objects.filter(pk=case.pk).update(
        public_title=title, public_content="来信内容", public_reply="已安排维修。", published_at=timezone.now()
    )
    return case


def test_a_department_page_leads_to_writing_tracking_and_its_letters(client, portal):
    published_letter(portal.a, "低保申请进度咨询")
    published_letter(portal.b, "学校门口交通拥堵")

    html = client.get(portal.a.url).content.decode()

    assert "互动交流" in html
    assert f'href="{portal.write.url}?department={portal.a.code}"' in html
    assert f'href="{portal.track.url}"' in html
    assert f'href="{portal.letters.url}?department={portal.a.code}"' in html
    assert "低保申请进度咨询" in html and "学校门口交通拥堵" not in html


def test_the_letter_form_opened_from_a_department_has_it_chosen(client, portal):
    html = client.get(f"{portal.write.url}?department={portal.a.code}").content.decode()

    assert f'<option value="{portal.a.pk}" selected>' in html


def test_an_unknown_department_code_leaves_the_form_and_board_as_they_are(client, portal):
    published_letter(portal.a, "低保申请进度咨询")

    form = client.get(f"{portal.write.url}?department=nonsense")
    board = client.get(f"{portal.letters.url}?department=nonsense")

    assert form.status_code == 200
    assert '<option value="" selected>' in form.content.decode()
    assert board.status_code == 200 and "低保申请进度咨询" in board.content.decode()


def test_the_board_shows_one_departments_letters_when_asked(client, portal):
    published_letter(portal.a, "低保申请进度咨询")
    published_letter(portal.b, "学校门口交通拥堵")

    html = client.get(f"{portal.letters.url}?department={portal.a.code}").content.decode()

    assert "低保申请进度咨询" in html and "学校门口交通拥堵" not in html
    assert "全部公开信件" in html
