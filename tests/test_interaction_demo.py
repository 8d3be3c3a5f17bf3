"""The demo's 公众互动: replied public letters across departments, masked, and requests at every stage."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

import pytest

from interaction.models import Case, Transition
from interaction.models.cases import Kind, Status

pytestmark = pytest.mark.django_db


def test_demo_letters_and_requests(client, demo_portal):
    # A second run of load_demo adds no letter: test_demo checks it with the rest of the second run.
    published = Case.objects.published()
    assert published.count() >= 12
    assert published.values("department").distinct().count() >= 8
    assert {Status.REPLIED, Status.CLOSED, Status.RATED} <= set(published.values_list("status", flat=True))
    board = client.get("/interaction/letters/").content.decode()
    assert Case.objects.letters().order_by("-published_at").first().public_title in board  # answered ones only
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


def test_the_desk_works_through_the_demo_cases_in_the_admin(client, demo_portal):
    client.force_login(get_user_model().objects.get(username="desk12345"))
    index = reverse("cases:index")
    assert client.get(index).status_code == 200
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "来信办理提醒" in dashboard and "超三个月未答复 <strong>1</strong> 件" in dashboard
    overdue = client.get(index, {"overdue": "true"}).content.decode()
    assert "杜阮镇龙榜村片区土地征收补偿安置方案" in overdue and "江门站出租车上客点拒载短途乘客" not in overdue
    assert "小区固定车位" in client.get(index, {"q": "车位"}).content.decode()
    for case in Case.objects.all():
        assert client.get(reverse("cases:inspect", args=[case.pk])).status_code == 200, case.title
    statistics = client.get(reverse("interaction_statistics"), {"month": "2026-10"}).content.decode()
    assert "江门市住房和城乡建设局" in statistics
