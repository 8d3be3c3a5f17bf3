"""集中管理、分布维护: each department maintains only its own branch; the centre supervises."""

from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

import pytest

from departments.models import ArticlePage

from .site_group import add_url, edit_url, posted_form

pytestmark = pytest.mark.django_db


def assert_refused(response):
    """Wagtail refuses with a 403, or (for a browser) by sending the user back to the dashboard."""
    assert response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_editor_creates_a_page_in_their_branch_but_cannot_publish_it(client, group):
    client.force_login(group.editor_a)
    column = group.column(group.a, "news")
    data = posted_form(client, add_url(column), title="社区养老服务站开放", slug="yanglao")
    data["action-publish"] = "publish"
    response = client.post(add_url(column), data)
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="yanglao", locale=column.locale)  # zh-hant holds its synchronised alias
    assert page.get_parent().pk == column.pk
    assert not page.live  # saved as a draft: editors have no publish right


def test_editor_edits_a_page_of_their_department(client, group):
    client.force_login(group.editor_a)
    response = client.post(
        edit_url(group.news_a), posted_form(client, edit_url(group.news_a), title="民政局动态（更新）")
    )
    assert response.status_code == 302
    group.news_a.refresh_from_db()
    assert group.news_a.draft_title == "民政局动态（更新）"


@pytest.mark.parametrize(
    "view",
    ["wagtailadmin_pages:edit", "wagtailadmin_pages:move", "wagtailadmin_pages:delete", "wagtailadmin_pages:unpublish"],
)
def test_editor_is_refused_on_another_departments_page(client, group, view):
    client.force_login(group.editor_a)
    url = reverse(view, args=[group.notice_b.pk])
    assert_refused(client.get(url))
    assert_refused(client.post(url, {"action-publish": "publish", "title": "改动"}))
    page = Page.objects.get(pk=group.notice_b.pk)
    assert page.live and page.title == "教育局通知"


def test_editor_cannot_add_pages_to_another_department(client, group):
    client.force_login(group.editor_a)
    assert_refused(client.get(add_url(group.column(group.b, "news"))))


def test_reviewer_publishes_their_departments_pages_only(client, group):
    client.force_login(group.reviewer_a)
    data = posted_form(client, edit_url(group.news_a), title="民政局动态（审核后发布）")
    data["action-publish"] = "publish"
    assert client.post(edit_url(group.news_a), data).status_code == 302
    group.news_a.refresh_from_db()
    assert group.news_a.live and group.news_a.title == "民政局动态（审核后发布）"

    assert_refused(client.get(edit_url(group.notice_b)))
    assert_refused(client.post(edit_url(group.notice_b), {"action-publish": "publish"}))
    group.notice_b.refresh_from_db()
    assert group.notice_b.title == "教育局通知"


def test_media_of_another_department_can_be_neither_seen_nor_chosen(client, group):
    own = Image.objects.create(title="民政局图片", file=get_test_image_file(), collection=group.a.collection)
    other = Image.objects.create(title="教育局图片", file=get_test_image_file(), collection=group.b.collection)
    own_doc = Document.objects.create(
        title="民政局文件", file=ContentFile(b"a", "a.txt"), collection=group.a.collection
    )
    other_doc = Document.objects.create(
        title="教育局文件", file=ContentFile(b"b", "b.txt"), collection=group.b.collection
    )
    client.force_login(group.editor_a)

    for chooser in ["wagtailimages_chooser:choose", "wagtaildocs_chooser:choose", "wagtailimages:index"]:
        response = client.get(reverse(chooser))
        is_modal = response["Content-Type"].startswith("application/json")
        html = response.json()["html"] if is_modal else response.content.decode()
        assert "民政局" in html and "教育局图片" not in html and "教育局文件" not in html, chooser
    assert client.get(reverse("wagtailimages:edit", args=[own.pk])).status_code == 200
    assert_refused(client.get(reverse("wagtailimages:edit", args=[other.pk])))
    assert client.get(reverse("wagtaildocs:edit", args=[own_doc.pk])).status_code == 200
    assert_refused(client.get(reverse("wagtaildocs:edit", args=[other_doc.pk])))


def submit(client, page, **changes):
    data = posted_form(client, edit_url(page), **changes)
    data["action-submit"] = "submit"
    assert client.post(edit_url(page), data).status_code == 302


def approve(client, page):
    state = Page.objects.get(pk=page.pk).current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
    return client.post(url, {"comment": ""})


def current_task(page):
    return Page.objects.get(pk=page.pk).current_workflow_task


def test_notices_pass_department_review_then_central_review(client, group):
    client.force_login(group.editor_a)
    submit(client, group.notice_a, title="民政局通知（修订）")
    assert current_task(group.notice_a).name == "江门市民政局 审核"

    client.force_login(group.reviewer_b)  # another department's reviewer cannot approve
    approve(client, group.notice_a)
    assert current_task(group.notice_a).name == "江门市民政局 审核"

    client.force_login(group.reviewer_a)
    approve(client, group.notice_a)
    assert current_task(group.notice_a).name == "门户审核"
    assert Page.objects.get(pk=group.notice_a.pk).title == "民政局通知"  # not yet published

    client.force_login(group.central)
    approve(client, group.notice_a)
    page = Page.objects.get(pk=group.notice_a.pk)
    assert page.current_workflow_task is None
    assert page.live and page.title == "民政局通知（修订）"


def test_news_needs_only_the_department_review(client, group):
    client.force_login(group.editor_a)
    submit(client, group.news_a, title="民政局动态（修订）")
    client.force_login(group.reviewer_a)
    approve(client, group.news_a)
    page = Page.objects.get(pk=group.news_a.pk)
    assert page.current_workflow_task is None
    assert page.title == "民政局动态（修订）"


def test_where_the_centre_reviews_a_department_reviewer_cannot_publish_directly(client, group):
    client.force_login(group.reviewer_a)
    assert 'name="action-publish"' not in client.get(edit_url(group.notice_a)).content.decode()
    assert 'name="action-publish"' in client.get(edit_url(group.news_a)).content.decode()

    data = posted_form(client, edit_url(group.notice_a), title="民政局通知（绕过门户审核）")
    data["action-publish"] = "publish"
    response = client.post(edit_url(group.notice_a), data)
    assert response.status_code == 200
    assert "须经门户审核" in response.content.decode()
    assert Page.objects.get(pk=group.notice_a.pk).title == "民政局通知"


def test_the_centre_may_publish_a_reviewed_column_directly(client, group):
    client.force_login(group.central)
    data = posted_form(client, edit_url(group.notice_a), title="民政局通知（门户发布）")
    data["action-publish"] = "publish"
    assert client.post(edit_url(group.notice_a), data).status_code == 302
    assert Page.objects.get(pk=group.notice_a.pk).title == "民政局通知（门户发布）"


def test_bulk_publishing_descendants_cannot_skip_central_review(client, group):
    group.notice_a.save_revision()  # a draft change waiting in a 三审 column
    ArticlePage.objects.filter(pk=group.notice_a.pk).update(live=False)
    client.force_login(group.reviewer_a)
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={group.a.pk}&next=https://evil.example/"
    )
    response = client.post(url, {"include_descendants": "on"})
    assert response.status_code == 302 and "evil.example" not in response["Location"]
    assert not Page.objects.get(pk=group.notice_a.pk).live


def test_a_live_page_cannot_be_moved_or_copied_live_into_a_centrally_reviewed_column(client, group):
    client.force_login(group.reviewer_a)
    notices = group.column(group.a, "notices")
    confirm = reverse("wagtailadmin_pages:move_confirm", args=[group.news_a.pk, notices.pk])
    client.post(confirm)
    assert Page.objects.get(pk=group.news_a.pk).get_parent().slug == "news"

    copy = reverse("wagtailadmin_pages:copy", args=[group.news_a.pk])
    client.post(
        copy, {"new_title": "复制", "new_slug": "copied", "new_parent_page": notices.pk, "publish_copies": "on"}
    )
    assert not Page.objects.filter(slug="copied", live=True).exists()


def test_a_portal_administrator_may_move_a_page_into_a_centrally_reviewed_column(client, group, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("portal_admin", password="pw"))
    notices = group.column(group.a, "notices")
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[group.news_a.pk, notices.pk]))
    assert Page.objects.get(pk=group.news_a.pk).get_parent().pk == notices.pk
