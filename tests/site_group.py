"""Shared set-up for site-group tests: two onboarded departments and their people."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

from departments.access import CENTRAL_REVIEWERS
from departments.onboarding import onboard_department

from .factories import ArticlePageFactory, DepartmentIndexPageFactory


def make_user(username, *groups):
    user = get_user_model().objects.create_user(username, password="pw")
    user.groups.add(*groups)
    return user


class SiteGroup:
    """Departments A (民政局) and B (教育局), each with an editor, a reviewer and a published notice."""

    def __init__(self, home):
        self.home = home
        index = DepartmentIndexPageFactory(parent=home)
        self.a = onboard_department(index, code="11440700MB0000001X", name="江门市民政局", slug="mzj").department
        self.b = onboard_department(index, code="11440700MB0000002X", name="江门市教育局", slug="jyj").department
        self.a.refresh_from_db()
        self.b.refresh_from_db()
        self.editor_a = make_user("editor_a", self.a.editor_group)
        self.reviewer_a = make_user("reviewer_a", self.a.reviewer_group)
        self.editor_b = make_user("editor_b", self.b.editor_group)
        self.reviewer_b = make_user("reviewer_b", self.b.reviewer_group)
        self.central = make_user("central", Group.objects.get(name=CENTRAL_REVIEWERS))
        self.notice_a = ArticlePageFactory(parent=self.column(self.a, "notices"), title="民政局通知")
        self.notice_b = ArticlePageFactory(parent=self.column(self.b, "notices"), title="教育局通知")
        self.news_a = ArticlePageFactory(parent=self.column(self.a, "news"), title="民政局动态")

    @staticmethod
    def column(department, slug):
        return department.get_children().get(slug=slug).specific


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_url(parent, app="departments", model="articlepage"):
    return reverse("wagtailadmin_pages:add", args=[app, model, parent.pk])


def posted_form(client, url, **changes):
    """The editor form at `url` as the browser would post it (with an empty body), with `changes` applied."""
    html = client.get(url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form").copy()
    data.setdefault("body-count", "0")  # StreamFields are drawn by JavaScript; an empty body posts just its count
    for name, value in changes.items():
        data[name] = value
    return data
