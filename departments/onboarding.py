"""Onboarding a department into the site group: its branch and standard columns, idempotently."""

from dataclasses import dataclass, field

from home.columns import ColumnType
from home.models import StandardPage

from .models import ArticleIndexPage, DepartmentPage


def article_column(column_type):
    return lambda department, **page: ArticleIndexPage(column_type=column_type, **page)


def contact_page(department, **page):
    contact = {
        "name": department.title,
        "address": department.address,
        "opening_hours": department.opening_hours,
        "phone": department.phone,
    }
    return StandardPage(body=[("contact", contact)], **page)


@dataclass(frozen=True)
class Column:
    slug: str
    title: str
    build: object  # (department, **page fields) -> unsaved page


STANDARD_COLUMNS = [
    Column("news", "部门动态", article_column(ColumnType.NEWS)),
    Column("notices", "通知公告", article_column(ColumnType.NOTICE)),
    Column("contact", "联系我们", contact_page),
]


@dataclass
class Onboarding:
    """What onboarding a department did: the branch, and the pages it created (empty when nothing changed)."""

    department: DepartmentPage
    created: list = field(default_factory=list)


def child_by_slug(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


def add_published_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def onboard_department(index, code, name, slug, **fields):
    """Create the department's branch below `index` with its standard columns; leave existing pages alone."""
    department = DepartmentPage.objects.child_of(index).filter(code=code).first()
    result = Onboarding(department=department)
    if department is None:
        department = add_published_child(index, DepartmentPage(title=name, slug=slug, code=code, **fields))
        result = Onboarding(department=department, created=[department])
    for column in STANDARD_COLUMNS:
        if child_by_slug(department, column.slug) is None:
            page = column.build(department, title=column.title, slug=column.slug, show_in_menus=True)
            result.created.append(add_published_child(department, page))
    return result
