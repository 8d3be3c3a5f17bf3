"""The demo's 公众互动: replied public letters across departments, masked, and requests at every stage."""

import io

from django.core.management import call_command
from django.utils import timezone

import pytest

from interaction.models import Case, Transition
from interaction.models.cases import Kind, Status

pytestmark = pytest.mark.django_db


def test_demo_letters_and_requests(client):
    call_command("load_demo", stdout=io.StringIO())
    counts = Case.objects.count(), Transition.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert (Case.objects.count(), Transition.objects.count()) == counts  # a second run adds nothing

    published = Case.objects.published()
    assert published.count() >= 12
    assert published.values("department").distinct().count() >= 8
    assert {Status.REPLIED, Status.CLOSED, Status.RATED} <= set(published.values_list("status", flat=True))
    board = client.get("/interaction/letters/").content.decode()
    assert published.order_by("-published_at").first().public_title in board
    for case in published:
        html = client.get(f"/interaction/letters/{case.pk}/").content.decode()
        assert case.phone not in html and case.name not in html, case.title
    texts = "".join(published.values_list("public_content", flat=True))
    assert "****" in texts and "4407**********2317" in texts and "粤J·***52" in texts

    requests = Case.objects.filter(kind=Kind.DISCLOSURE)
    assert len(set(requests.values_list("status", flat=True))) >= 3
    assert requests.overdue(timezone.localdate()).exists()
    assert requests.filter(clock_paused=True).exists() and requests.filter(extended=True).exists()
    assert (
        Case.objects.filter(status=Status.REOPENED).exists()
        or Transition.objects.filter(status=Status.REOPENED).exists()
    )
    for page in ("/interaction/write/", "/interaction/disclosure-request/", "/interaction/track/"):
        assert client.get(page).status_code == 200
