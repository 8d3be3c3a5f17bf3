"""Department pages: credit codes stay unique and well formed, header colours stay readable."""

from django.core.exceptions import ValidationError

import pytest

from departments.colours import contrast_ratio
from departments.models import DepartmentPage

from .factories import DepartmentIndexPageFactory, DepartmentPageFactory

pytestmark = pytest.mark.django_db


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


def test_generated_news_articles_are_live_pages_in_the_news_column(client, home):
    from io import StringIO

    from django.core.management import call_command

    from .factories import ArticleIndexPageFactory

    department = DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home), slug="mzj")
    ArticleIndexPageFactory(parent=department, slug="news")
    out = StringIO()

    call_command("generate_news_articles", "30", stdout=out)

    assert "新建 30 篇新闻" in out.getvalue()
    assert "第 1 页，共 2 页" in client.get("/departments/mzj/news/").content.decode()
