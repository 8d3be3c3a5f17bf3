"""Filtering the central disclosure catalog: department, topic, genre, year, validity, keyword, order, page."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings

from departments.filters import ANY, DepartmentFilter, DepartmentFilterForm

from .taxonomy import Genre, Topic, Validity


class CatalogForm(DepartmentFilterForm):
    department_label = "发布机构"
    topic = forms.ChoiceField(label="主题分类", choices=ANY + Topic.choices, required=False)
    genre = forms.ChoiceField(label="体裁分类", choices=ANY + Genre.choices, required=False)
    year = forms.IntegerField(label="发布年份", required=False, min_value=1999, max_value=2100)
    validity = forms.ChoiceField(label="有效性", choices=ANY + Validity.choices, required=False)
    keyword = forms.CharField(label="关键词", required=False, max_length=40)
    sort = forms.ChoiceField(
        label="排序", choices=[("newest", "最新发布在前"), ("oldest", "最早发布在前")], required=False
    )


def year_range(year):
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


class CatalogFilter(DepartmentFilter):
    """The reader's filters applied to disclosure entries, newest (or oldest) first."""

    form_class = CatalogForm
    results_name = "entries"

    def filtered(self, values):
        entries = self.pages
        if values["department"]:
            entries = self.in_department(entries, values["department"])
        for name in ("topic", "genre", "validity"):
            if values[name]:
                entries = entries.filter(**{name: values[name]})
        if values["year"]:
            start, end = year_range(values["year"])
            entries = entries.filter(first_published_at__gte=start, first_published_at__lt=end)
        if values["keyword"]:
            entries = entries.filter(keywords__name=values["keyword"].strip())
        order = "first_published_at" if values["sort"] == "oldest" else "-first_published_at"
        return entries.order_by(order, "pk" if order[0] != "-" else "-pk")
