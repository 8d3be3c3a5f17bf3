"""错敏字检查: a listed wrong expression cannot be published; the editor is told the word, where, and the fix."""

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import Page

import pytest

from departments.content_check import find, page_texts
from departments.models import ArticlePage, SensitiveExpression

from .site_group import edit_url, posted_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(site_group):
    SensitiveExpression.objects.create(expression="付市长", suggestion="副市长", kind="title")
    SensitiveExpression.objects.create(expression="江门市国土资源局", suggestion="江门市自然资源局", kind="outdated")
    return site_group


def test_findings_name_the_field_the_word_and_the_fix():
    page = ArticlePage(title="付市长调研", summary="", body=[("paragraph", "<p>江门市国土资源局发布通告</p>")])
    findings = find(page_texts(page), [("付市长", "副市长"), ("江门市国土资源局", "江门市自然资源局")])
    assert [(f.field, f.expression, f.suggestion) for f in findings] == [
        ("标题", "付市长", "副市长"),
        ("正文", "江门市国土资源局", "江门市自然资源局"),
    ]
    assert "建议改为“副市长”" in findings[0].message()


def test_publishing_a_page_with_a_wrong_expression_is_refused(client, group):
    client.force_login(group.reviewer_a)
    data = posted_form(client, edit_url(group.news_a), title="付市长调研养老服务")
    data["action-publish"] = "publish"
    response = client.post(edit_url(group.news_a), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "付市长" in html and "副市长" in html
    assert 'value="付市长调研养老服务"' in html  # the editor's text comes back intact
    assert Page.objects.get(pk=group.news_a.pk).title == "民政局动态"


def test_a_draft_with_a_wrong_expression_can_still_be_saved(client, group):
    client.force_login(group.editor_a)
    response = client.post(edit_url(group.news_a), posted_form(client, edit_url(group.news_a), title="付市长调研"))
    assert response.status_code == 302
    assert Page.objects.get(pk=group.news_a.pk).draft_title == "付市长调研"


def test_submitting_for_review_is_refused_too(client, group):
    client.force_login(group.editor_a)
    data = posted_form(client, edit_url(group.news_a), title="付市长调研")
    data["action-submit"] = "submit"
    assert client.post(edit_url(group.news_a), data).status_code == 200
    assert Page.objects.get(pk=group.news_a.pk).current_workflow_state is None


def test_report_lists_live_pages_with_findings_that_the_user_may_edit(client, group):
    ArticlePage.objects.filter(pk=group.notice_b.pk).update(title="江门市国土资源局通知")
    client.force_login(group.editor_a)
    assert "江门市国土资源局" not in client.get(reverse("content_check_report")).content.decode()
    client.force_login(group.editor_b)
    html = client.get(reverse("content_check_report")).content.decode()
    assert "江门市国土资源局" in html and "江门市自然资源局" in html


def test_an_expression_whose_fix_contains_it_is_refused():
    with pytest.raises(ValidationError):
        SensitiveExpression(expression="江门", suggestion="江门市").full_clean()
