"""Gathering the facts for 栏目更新监测 (the column monitor): which supervised columns a user answers for, and when
each was last updated. A page type is supervised when it sets `is_supervised_column`; the rules are in timeliness.py."""

from django.db.models import Max, OuterRef, Subquery
from django.utils import timezone

from wagtail.models import Locale, Page, Site
from wagtail.permission_policies.pages import PagePermissionPolicy

from departments.access import is_central
from departments.ownership import Departments
from portal.columns import ColumnType
from portal.listing import content_types

from .timeliness import ColumnStatus, verdict

CENTRE = "门户网站"


def column_statuses(user):
    """A ColumnStatus for every live supervised column the user may edit (and the home page, for the centre)."""
    central = is_central(user)
    statuses = department_column_statuses(None if central else user)
    home = Site.objects.filter(is_default_site=True).first()
    if central and home is not None:
        newest = (
            Page.objects.live()
            .descendant_of(home.root_page)
            .filter(content_type__in=content_types())
            .aggregate(Max("last_published_at"))["last_published_at__max"]
        )
        statuses.insert(0, ColumnStatus(home.root_page, CENTRE, ColumnType.HOME, newest, timezone.localdate()))
    return statuses


def department_column_statuses(editable_by=None):
    """A ColumnStatus for every live supervised column (only those `editable_by` may edit, when given);
    `status.department` is the name of the department holding the column, or 门户网站."""
    today = timezone.localdate()
    locale = Locale.get_default()
    newest_child = (
        Page.objects.live()
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        .order_by("-last_published_at")
        .values("last_published_at")[:1]
    )
    columns = (
        Page.objects.live()
        .filter(
            locale=locale, content_type__in=content_types(lambda model: getattr(model, "is_supervised_column", False))
        )
        .annotate(last_update=Subquery(newest_child))
        .specific()
        .order_by("path")
    )
    if editable_by is not None:
        editable = PagePermissionPolicy().instances_user_has_permission_for(editable_by, "change")
        columns = columns.filter(pk__in=editable.values("pk"))
    departments = Departments.of_locale(locale)
    return [
        ColumnStatus(column, departments.name_of(column, CENTRE), column.column_type, column.last_update, today)
        for column in columns
    ]


def report(user):
    statuses = column_statuses(user)
    return statuses, verdict(statuses)
