"""Filtering the central disclosure catalog: department, topic, genre, year, validity, keyword, order, page.

Bad filter values never raise: the reader gets an empty result with a message saying what was not understood.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings

from departments.models import label_publishers
from home.listing import filtered_page

from .taxonomy import Genre, Topic, Validity

PAGE_SIZE = 20
ANY = [("", "全部")]


class CatalogForm(forms.Form):
    department = forms.ChoiceField(label="发布机构", required=False)
    topic = forms.ChoiceField(label="主题分类", choices=ANY + Topic.choices, required=False)
    genre = forms.ChoiceField(label="体裁分类", choices=ANY + Genre.choices, required=False)
    year = forms.IntegerField(label="发布年份", required=False, min_value=1999, max_value=2100)
    validity = forms.ChoiceField(label="有效性", choices=ANY + Validity.choices, required=False)
    keyword = forms.CharField(label="关键词", required=False, max_length=40)
    sort = forms.ChoiceField(
        label="排序", choices=[("newest", "最新发布在前"), ("oldest", "最早发布在前")], required=False
    )

    def __init__(self, data, departments):
        super().__init__(data)
        self.fields["department"].choices = ANY + [(department.code, department.title) for department in departments]


def year_range(year):
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


class CatalogFilter:
    """The reader's filters applied to `entries`, with the departments they can choose from."""

    def __init__(self, data, entries, departments):
        self.departments = list(departments)
        self.form = CatalogForm(data, self.departments)
        self.entries = entries
        self.page_number = data.get("page", "1")

    def filtered(self, values):
        entries = self.entries
        if values["department"]:
            department = next(d for d in self.departments if d.code == values["department"])
            entries = entries.filter(path__startswith=department.path)
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

    def results(self):
        """{"entries": page of entries or [], "problem": message or ""}"""
        page, problem = filtered_page(self.form, self.filtered, self.page_number, PAGE_SIZE)
        if page is not None:
            label_publishers(page, self.departments)
        return {"entries": page or [], "problem": problem}
