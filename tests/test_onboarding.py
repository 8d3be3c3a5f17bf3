"""Onboarding a department is one command, changes nothing the second time, and can give it its own site."""

import csv
import io

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Task,
    Workflow,
    WorkflowPage,
)

import pytest

from departments.models import DepartmentPage
from languages.synchronised import paused

from .factories import DepartmentIndexPageFactory

pytestmark = pytest.mark.django_db

CODE = "11440700007186123A"


def source_departments():
    """The zh-hans DepartmentPages: publishing also converts each page into a zh-hant one (languages.synchronised)."""
    return DepartmentPage.objects.filter(locale=Locale.get_default())


def onboard(*args, **options):
    out = io.StringIO()
    call_command("onboard_department", *args, stdout=out, **options)
    return out.getvalue()


def state():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Group,
            GroupPagePermission,
            GroupCollectionPermission,
            Collection,
            WorkflowPage,
            Site,
            Workflow,
            Task,
        )
    }


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["code", "name", "slug", "phone"])
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


def test_onboarding_creates_branch_groups_collection_and_workflow(home):
    DepartmentIndexPageFactory(parent=home)
    output = onboard(code=CODE, name="江门市民政局", slug="mzj")
    department = source_departments().get(code=CODE)
    assert [page.title for page in department.get_children()] == [
        "部门动态",
        "通知公告",
        "政府信息公开",
        "办事服务",
        "联系我们",
    ]
    assert department.editor_group.name == "江门市民政局 编辑"
    assert department.reviewer_group.name == "江门市民政局 审核"
    assert department.collection.name == "江门市民政局"
    assert department.get_workflow().name == "江门市民政局 审核发布"
    assert department.get_children().get(slug="notices").get_workflow().name == "江门市民政局 三审发布"
    assert {"门户管理员", "门户审核"} <= set(Group.objects.values_list("name", flat=True))
    assert "新建" in output
    traditional = department.get_translation(Locale.objects.get(language_code="zh-hant"))
    assert traditional.live and traditional.title == "江門市民政局"


def test_onboarding_twice_changes_nothing(home):
    DepartmentIndexPageFactory(parent=home)
    onboard(code=CODE, name="江门市民政局", slug="mzj")
    before = state()
    output = onboard(code=CODE, name="江门市民政局", slug="mzj")
    assert state() == before
    assert "没有任何改动" in output


def test_sixty_one_departments_from_one_csv(home, tmp_path):
    """The whole city's 61 departments in one file, and the file again changes nothing. Their zh-hant conversion
    (two thirds of the time) is left out: the first test above checks it."""
    rows = [
        {"code": f"11440700MB{n:07d}X", "name": f"江门市第{n}局", "slug": f"d{n}", "phone": "0750-3000000"}
        for n in range(61)
    ]
    path = write_csv(tmp_path / "departments.csv", rows)
    with paused():
        onboard(csv_file=path)
        assert source_departments().count() == 61
        before = state()
        onboard(csv_file=path)
    assert state() == before


def test_a_bad_row_stops_the_whole_file_and_names_its_line(home, tmp_path):
    rows = [
        {"code": "11440700MB0000001X", "name": "江门市民政局", "slug": "mzj", "phone": ""},
        {"code": "12345", "name": "代码错误的局", "slug": "bad", "phone": ""},
    ]
    before = state()
    with pytest.raises(CommandError) as error:
        onboard(csv_file=write_csv(tmp_path / "bad.csv", rows))
    assert "第 3 行" in str(error.value) and "统一社会信用代码" in str(error.value)
    assert state() == before


def test_missing_arguments_are_explained(home):
    with pytest.raises(CommandError, match="--code"):
        onboard(name="江门市民政局")


def test_hostname_serves_the_department_as_its_own_site(client, home):
    DepartmentIndexPageFactory(parent=home)
    onboard(code=CODE, name="江门市民政局", slug="mzj", hostname="mzj.jiangmen.gov.cn")
    response = client.get("/", HTTP_HOST="mzj.jiangmen.gov.cn")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="site-brand__name">江门市民政局</span>' in html
    assert 'href="/notices/"' in html  # its columns are the sub-site's navigation
    assert client.get("/notices/", HTTP_HOST="mzj.jiangmen.gov.cn").status_code == 200
    assert "江门政务之窗" in client.get("/", HTTP_HOST="www.jiangmen.gov.cn").content.decode()


def test_a_hostname_already_in_use_is_refused(home):
    DepartmentIndexPageFactory(parent=home)
    onboard(code=CODE, name="江门市民政局", slug="mzj", hostname="mzj.jiangmen.gov.cn")
    with pytest.raises(CommandError, match="已用于"):
        onboard(code="11440700MB0000009X", name="江门市教育局", slug="jyj", hostname="mzj.jiangmen.gov.cn")


def upload(client, text):
    return client.post(reverse("onboard_departments"), {"file": SimpleUploadedFile("d.csv", text.encode("utf-8"))})


def test_portal_admin_onboards_departments_from_the_admin_form(client, home, django_user_model):
    admin = django_user_model.objects.create_superuser("centre", password="pw")
    client.force_login(admin)
    assert client.get(reverse("onboard_departments")).status_code == 200
    response = upload(client, f"code,name,slug\n{CODE},江门市民政局,mzj\n11440700MB0000002X,江门市教育局,jyj\n")
    assert response.status_code == 302
    assert source_departments().count() == 2
    assert "已处理 2 个部门" in client.get(response["Location"]).content.decode()


def test_the_admin_form_reports_a_bad_row_and_writes_nothing(client, home, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("centre", password="pw"))
    response = upload(client, f"code,name\n{CODE},江门市民政局\n,无代码的局\n")
    assert response.status_code == 200
    assert "第 3 行" in response.content.decode()
    assert source_departments().count() == 0


def test_department_staff_cannot_onboard(client, home, django_user_model):
    DepartmentIndexPageFactory(parent=home)
    onboard(code=CODE, name="江门市民政局", slug="mzj")
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.groups.add(source_departments().get(code=CODE).editor_group)
    client.force_login(editor)
    response = client.get(reverse("onboard_departments"))
    assert response.status_code == 403 or response["Location"] == "/admin/"


def test_the_bulk_command_takes_the_csv_path(home, tmp_path):
    path = write_csv(tmp_path / "d.csv", [{"code": CODE, "name": "江门市民政局", "slug": "mzj", "phone": ""}])
    out = io.StringIO()
    call_command("onboard_departments", path, stdout=out)
    assert source_departments().filter(code=CODE).exists()
    assert "已处理 1 个部门" in out.getvalue()


def test_renaming_a_department_and_onboarding_again_creates_nothing(home):
    DepartmentIndexPageFactory(parent=home)
    onboard(code=CODE, name="江门市民政局", slug="mzj")
    department = source_departments().get(code=CODE)
    department.title = "江门市民政局（新）"
    department.save_revision().publish()
    before = state()
    assert "没有任何改动" in onboard(code=CODE, name="江门市民政局（新）", slug="mzj")
    assert state() == before


def test_a_second_department_with_the_same_name_gets_no_access_to_the_first(home):
    DepartmentIndexPageFactory(parent=home)
    onboard(code=CODE, name="江门市民政局", slug="mzj")
    with pytest.raises(CommandError, match="已属于"):
        onboard(code="11440700MB0000009X", name="江门市民政局", slug="mzj2")


def test_hostnames_are_normalised_and_checked(client, home):
    DepartmentIndexPageFactory(parent=home)
    onboard(code=CODE, name="江门市民政局", slug="mzj", hostname=" MZJ.Jiangmen.gov.cn ")
    assert Site.objects.filter(hostname="mzj.jiangmen.gov.cn").exists()
    with pytest.raises(CommandError, match="域名"):
        onboard(code="11440700MB0000009X", name="江门市教育局", slug="jyj", hostname="http://jyj.jiangmen.gov.cn/x")


def test_onboarding_before_the_portal_exists_is_explained(db):
    with pytest.raises(CommandError, match="load_demo"):
        onboard(code=CODE, name="江门市民政局", slug="mzj")


def test_portal_administrators_manage_shared_lists_and_onboard(client, home, django_user_model):
    DepartmentIndexPageFactory(parent=home)
    onboard(code=CODE, name="江门市民政局", slug="mzj")
    admin = django_user_model.objects.create_user("centre", password="pw")
    admin.groups.add(Group.objects.get(name="门户管理员"))
    client.force_login(admin)
    for url in [
        "/admin/snippets/home/office/",
        "/admin/snippets/departments/sensitiveexpression/",
        "/admin/users/",
        "/admin/searchpicks/",
        "/admin/reports/popular-queries/",
        "/admin/reports/zero-result-queries/",
    ]:
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("onboard_departments")).status_code == 200
