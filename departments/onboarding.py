"""Onboarding a department into the site group (网站群), in one idempotent call.

It creates what is missing and leaves what exists alone: the department's branch with its standard
columns, its editor and reviewer groups with rights on that branch only, its collection, its review
workflows and, given a hostname, its own Site whose root is the department page.
"""

import re
from dataclasses import dataclass, field

from wagtail.models import Site, get_page_models

from home.models import PortalSettings, StandardPage
from portal.columns import ColumnType

from .access import ensure_central_groups, ensure_department_access
from .models import ArticleIndexPage, DepartmentPage
from .standard_columns import StandardColumn
from .workflows import ensure_department_workflows


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


# The department's own columns; each domain app declares its own on its column page class (`department_column`).
OWN_COLUMNS = [
    (StandardColumn("news", "部门动态", order=10), article_column(ColumnType.NEWS)),
    (StandardColumn("notices", "通知公告", order=20, central_review=True), article_column(ColumnType.NOTICE)),
    (StandardColumn("contact", "联系我们", order=90), contact_page),
]


def declared_columns():
    """{page class: StandardColumn} for the column page classes that declare a `department_column`."""
    return {
        model: vars(model)["department_column"] for model in get_page_models() if "department_column" in vars(model)
    }


def standard_columns():
    """[(StandardColumn, build(department, **page fields))] in the order a department shows them."""
    declared = [
        (column, lambda department, model=model, **page: model(**page)) for model, column in declared_columns().items()
    ]
    return sorted(OWN_COLUMNS + declared, key=lambda pair: pair[0].order)


def central_review_columns():
    """Slugs of the columns whose publications also pass the centre's review (三审); the centre can reassign
    workflows in the admin afterwards."""
    return [column.slug for column, _ in standard_columns() if column.central_review]


HOSTNAME = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")


def copy_portal_settings(site):
    """A new sub-site starts with the portal's footer identity; the centre can then give it its own 网站标识码."""
    portal = PortalSettings.objects.filter(site__is_default_site=True).first()
    if portal is not None:
        portal.pk = None
        portal.site = site
        portal.save()


class OnboardingError(ValueError):
    """The request cannot be carried out as asked (for example a hostname that serves another site)."""


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


def ensure_column(department, column, build, created):
    """The department's `column` with the pages it starts with, adding (and listing in `created`) what is missing."""
    page = child_by_slug(department, column.slug)
    if page is None:
        page = build(department, title=column.title, slug=column.slug, show_in_menus=True)
        created.append(add_published_child(department, page))
    for slug, title, build_page in column.pages:
        if child_by_slug(page, slug) is None:
            created.append(add_published_child(page, build_page(department, title=title, slug=slug)))
    return page


def department_column(department, model):
    """The department's column of a domain's column page class (`model.department_column`), made when missing."""
    return ensure_column(department, model.department_column, lambda department, **page: model(**page), [])


def onboard_department(index, code, name, slug, hostname="", **fields):
    """Create whatever of the department's set-up is missing below `index`; return what was created."""
    _, central_reviewers = ensure_central_groups()
    department = DepartmentPage.objects.child_of(index).filter(code=code).first()
    result = Onboarding(department=department)
    if department is None:
        department = DepartmentPage(title=name, slug=slug, code=code, **fields)
        index.add_child(instance=department)
        result = Onboarding(department=department, created=[department])

    access = ensure_department_access(department, department.title)
    if (department.editor_group, department.reviewer_group, department.collection) != access:
        department.editor_group, department.reviewer_group, department.collection = access
        if department in result.created:
            department.save_revision().publish()
        else:  # set-up data, not content: no new revision for an existing page
            DepartmentPage.objects.filter(translation_key=department.translation_key).update(
                editor_group=access[0], reviewer_group=access[1], collection=access[2]
            )

    for column, build in standard_columns():
        ensure_column(department, column, build, result.created)
    ensure_department_workflows(department, department.title, access[1], central_reviewers, central_review_columns())
    if hostname:
        ensure_site(department, hostname)
    return result


def ensure_site(department, hostname):
    """The department's own sub-site of the site group, served at `hostname`."""
    hostname = hostname.strip().lower()
    if len(hostname) > 253 or not HOSTNAME.match(hostname):
        raise OnboardingError(f"域名“{hostname}”无效：只填写主机名，例如 mzj.jiangmen.gov.cn（不含 http:// 和路径）。")
    site = Site.objects.filter(hostname=hostname).first()
    if site is None:
        site = Site.objects.create(hostname=hostname, port=80, root_page=department, site_name=department.title)
        copy_portal_settings(site)
        return site
    if site.root_page_id != department.pk:
        raise OnboardingError(f"域名 {hostname} 已用于“{site.root_page.title}”，不能再分配给“{department.title}”。")
    return site
