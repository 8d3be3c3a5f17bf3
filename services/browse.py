"""Browsing the city's service items: by department, item type, audience channel, theme and keyword.

Bad filter values never raise: the reader gets an empty result with a message saying what was not understood.
"""

from django import forms

from channels.audiences import Audience
from departments.models import label_publishers
from home.listing import filtered_page

from .taxonomy import ItemType, Theme

ANY = [("", "全部")]


class ServiceFilterForm(forms.Form):
    department = forms.ChoiceField(label="实施部门", required=False)
    item_type = forms.ChoiceField(label="事项类型", choices=ANY + ItemType.choices, required=False)
    audience = forms.ChoiceField(label="服务对象", choices=ANY + Audience.choices, required=False)
    theme = forms.ChoiceField(label="主题", choices=ANY + Theme.choices, required=False)
    keyword = forms.CharField(label="事项名称", required=False, max_length=40)

    def __init__(self, data, departments):
        super().__init__(data)
        self.fields["department"].choices = ANY + [(department.code, department.title) for department in departments]


class ServiceFilter:
    """The reader's filters applied to `items`, with the departments they can choose from."""

    def __init__(self, data, items, departments):
        self.departments = list(departments)
        self.form = ServiceFilterForm(data, self.departments)
        self.items = items
        self.page_number = data.get("page", "1")

    def filtered(self, values):
        items = self.items
        if values["department"]:
            department = next(d for d in self.departments if d.code == values["department"])
            items = items.filter(path__startswith=department.path)
        for name in ("item_type", "theme"):
            if values[name]:
                items = items.filter(**{name: values[name]})
        if values["audience"]:
            items = items.filter(audience_links__audience=values["audience"])
        if values["keyword"].strip():
            items = items.filter(title__icontains=values["keyword"].strip())
        return items.only("title", "url_path", "path", "item_code", "item_type", "theme", "summary").order_by("path")

    def results(self):
        """{"items": page of items or [], "problem": message or ""}"""
        page, problem = filtered_page(self.form, self.filtered, self.page_number)
        if page is not None:
            label_publishers(page, self.departments)
        return {"items": page or [], "problem": problem}
