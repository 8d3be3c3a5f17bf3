"""Filters of the back office's case list."""

from django.utils import timezone

from wagtail.admin.filters import WagtailFilterSet

import django_filters

from .models.cases import Case


class CaseFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(label="已超期", method="only_overdue")

    class Meta:
        model = Case
        fields = ["kind", "status", "category", "department"]

    def only_overdue(self, queryset, name, value):
        overdue = Case.objects.overdue(timezone.localdate())
        return queryset.filter(pk__in=overdue.values("pk")) if value else queryset.exclude(pk__in=overdue.values("pk"))
