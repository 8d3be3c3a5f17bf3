"""Staff see nothing unpublished outside their reach: other departments' drafts stay out of the page chooser, the
page types report and bulk-action confirmations; the 12345 desk and 网上监察 groups choose no one's media."""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import GroupCollectionPermission, GroupPagePermission

import pytest

from departments.visibility import ExplorablePagesOnly
from interaction.access import DESK, SUPERVISORS

from .factories import ArticlePageFactory
from .site_group import SiteGroup, make_user
from .worlds import world

pytestmark = pytest.mark.django_db

B_DRAFT = "教育局内部草稿"
B_DRAFT_TITLE_OF_A_LIVE_PAGE = "教育局通知（未发布的新标题）"


@world
def staff_visibility_group(home):
    """Departments A and B; B has a draft page and a published notice whose new title is still a draft."""
    group = SiteGroup(home)
    group.a_draft = ArticlePageFactory(parent=group.column(group.a, "news"), title="民政局草稿", slug="a-draft")
    group.a_draft.unpublish()
    ArticlePageFactory(parent=group.column(group.b, "news"), title=B_DRAFT, slug="b-draft").unpublish()
    group.notice_b.title = B_DRAFT_TITLE_OF_A_LIVE_PAGE
    group.notice_b.save_revision()  # the last edit of an article: what the page types report names
    return group


@pytest.fixture
def group(staff_visibility_group):
    return staff_visibility_group


def modal_html(response):
    """The chooser's HTML: a modal's (JSON), or a search's results (HTML)."""
    assert response.status_code == 200
    return response.json()["html"] if response["Content-Type"] == "application/json" else response.content.decode()


def shows_no_draft_of_b(html):
    return B_DRAFT not in html and B_DRAFT_TITLE_OF_A_LIVE_PAGE not in html


def test_the_page_chooser_offers_other_departments_published_pages_only(client, group):
    client.force_login(group.editor_a)
    b_news = modal_html(client.get(reverse("wagtailadmin_choose_page_child", args=[group.column(group.b, "news").pk])))
    b_notices = client.get(reverse("wagtailadmin_choose_page_child", args=[group.column(group.b, "notices").pk]))
    own_news = modal_html(
        client.get(reverse("wagtailadmin_choose_page_child", args=[group.column(group.a, "news").pk]))
    )
    search = modal_html(client.get(reverse("wagtailadmin_choose_page_search"), {"q": "教育局"}))

    assert shows_no_draft_of_b(b_news) and shows_no_draft_of_b(modal_html(b_notices)) and shows_no_draft_of_b(search)
    assert "民政局草稿" in own_news and "民政局动态" in own_news  # their own drafts and pages


def test_the_page_chooser_still_offers_every_page_to_the_centre(client, group):
    client.force_login(group.central)
    html = modal_html(client.get(reverse("wagtailadmin_choose_page_child", args=[group.column(group.b, "news").pk])))
    assert B_DRAFT in html


def test_the_page_types_report_names_only_pages_the_user_may_edit(client, group):
    url = reverse("wagtailadmin_reports:page_types_usage")
    client.force_login(group.editor_a)
    assert shows_no_draft_of_b(client.get(url).content.decode())
    client.force_login(group.central)
    html = client.get(url).content.decode()
    assert B_DRAFT in html or B_DRAFT_TITLE_OF_A_LIVE_PAGE in html


@pytest.mark.parametrize("action", ["publish", "unpublish", "move", "delete"])
def test_bulk_action_confirmations_leave_out_pages_the_user_cannot_explore(client, group, action):
    b_draft = group.b.get_descendants().get(slug="b-draft")
    ids = f"id={b_draft.pk}&id={group.notice_b.pk}&id={group.a_draft.pk}"
    client.force_login(group.reviewer_a)
    response = client.get(reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?{ids}")
    html = response.content.decode()
    assert response.status_code == 200 and "民政局草稿" in html
    assert shows_no_draft_of_b(html) and "教育局通知" not in html


def test_every_page_bulk_action_leaves_out_unexplorable_pages():
    for action in bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page"):
        assert issubclass(action, ExplorablePagesOnly), action


@pytest.mark.parametrize("group_name", [DESK, SUPERVISORS])
def test_the_desk_and_supervisors_choose_no_departments_media(client, group, group_name):
    Image.objects.create(title="民政局图片", file=get_test_image_file(), collection=group.a.collection)
    Document.objects.create(title="教育局文件", file=ContentFile(b"b", "b.txt"), collection=group.b.collection)
    client.force_login(make_user("staff", Group.objects.get(name=group_name)))
    for chooser in ["wagtailimages_chooser:choose", "wagtaildocs_chooser:choose"]:
        response = client.get(reverse(chooser))
        html = response.json()["html"] if response.status_code == 200 else ""
        assert "民政局图片" not in html and "教育局文件" not in html, chooser


def test_no_group_starts_with_rights_over_the_whole_site(db):
    """Wagtail's default Editors and Moderators (every page from the root, every collection) are not installed: a
    fresh portal's only groups are the 12345 desk and 网上监察, with no page rights."""
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert not GroupPagePermission.objects.exists()
    assert not GroupCollectionPermission.objects.filter(collection__depth=1).exists()
