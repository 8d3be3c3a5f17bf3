"""Department branches: onboarding is idempotent and department codes stay unique."""

from django.core.exceptions import ValidationError

import pytest

from departments.colours import contrast_ratio
from departments.models import ArticleIndexPage, DepartmentPage
from departments.onboarding import onboard_department

from .factories import DepartmentIndexPageFactory, DepartmentPageFactory

pytestmark = pytest.mark.django_db


def test_onboarding_creates_the_branch_with_standard_columns(home):
    index = DepartmentIndexPageFactory(parent=home)
    result = onboard_department(index, code="11440700007186123A", name="江门市民政局", slug="mzj", phone="0750-3500000")
    department = result.department
    assert department.live
    titles = list(department.get_children().values_list("title", flat=True))
    assert titles == ["部门动态", "通知公告", "政府信息公开", "办事服务", "联系我们"]
    assert ArticleIndexPage.objects.child_of(department).get(slug="notices").column_type == "notice"
    assert "0750-3500000" in department.get_children().get(slug="contact").specific.body.render_as_block()


def test_onboarding_twice_changes_nothing(home):
    index = DepartmentIndexPageFactory(parent=home)
    onboard_department(index, code="11440700007186123A", name="江门市民政局", slug="mzj")
    pages_before = index.get_descendants().count()
    again = onboard_department(index, code="11440700007186123A", name="江门市民政局", slug="mzj")
    assert again.created == []
    assert index.get_descendants().count() == pages_before


def test_two_departments_cannot_share_a_credit_code(home):
    index = DepartmentIndexPageFactory(parent=home)
    DepartmentPageFactory(parent=index, code="11440700007186123A", title="江门市民政局")
    clash = DepartmentPage(title="江门市教育局", slug="jyj", code="11440700007186123A")
    clash.locale = index.locale
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "江门市民政局" in str(error.value)


def test_credit_code_format_is_checked(home):
    page = DepartmentPage(title="江门市教育局", slug="jyj", code="12345")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "统一社会信用代码" in str(error.value)


def test_a_light_theme_colour_is_refused(home):
    page = DepartmentPage(title="江门市教育局", slug="jyj", code="11440700007186123A", colour="#ffd966")
    page.locale = home.locale
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "对比度" in str(error.value)


def test_contrast_ratio_matches_wcag():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#0b4f8a", "#ffffff"), 1) == 8.4
