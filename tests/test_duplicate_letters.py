"""The same letter sent twice makes one case, however many copies arrive at the same moment, and sending it again
tells nothing about the earlier case: whoever resends a text may not be the one who wrote it first."""

import threading
from datetime import timedelta

from django.db import connection
from django.utils import timezone

import pytest

from interaction.models import Case, SubmissionClaim
from interaction.models.cases import Kind
from interaction.submission import DUPLICATE, submit

from .helpers import message
from .helpers import submit as send

COPIES = 20


def test_a_letter_sent_again_is_refused_without_the_earlier_code(client, portal):
    first = send(client, portal.write, message())
    again = send(client, portal.write, message())

    assert (first.status_code, again.status_code) == (201, 409)
    case = Case.objects.get()
    assert DUPLICATE in again.content.decode()
    assert case.tracking_code not in again.content.decode()


def test_the_same_letter_is_taken_again_once_the_duplicate_window_has_passed(client, portal):
    send(client, portal.write, message())
    SubmissionClaim.objects.update(claimed_at=timezone.now() - timedelta(minutes=11))

    assert send(client, portal.write, message()).status_code == 201
    assert Case.objects.count() == 2


class Letter:
    """What submit() reads of a valid letter form."""

    kind = Kind.MESSAGE

    def save(self, commit):
        content = "建设三路工地每晚十一点后仍在施工，请处理。"
        return Case(
            name="陈大文",
            honorific="先生",
            phone="13812345678",
            category="complaint",
            title="夜间施工",
            content=content,
        )


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="simultaneous connections need PostgreSQL")
def test_twenty_identical_letters_sent_at_once_make_one_case():
    barrier, cases = threading.Barrier(COPIES), []

    def send_at_once():
        barrier.wait()
        try:
            cases.append(submit(Letter()))
        finally:
            connection.close()

    threads = [threading.Thread(target=send_at_once) for _ in range(COPIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(cases) == COPIES
    assert [case for case in cases if case is not None] == list(Case.objects.all())
    assert Case.objects.count() == 1
