"""Browsing the city's service items: by department, item type, audience channel, theme and keyword."""

from django import forms
from django.utils.translation import gettext_lazy as _

from channels.audiences import Audience
from departments.filters import ANY, DepartmentFilter, DepartmentFilterForm

from .taxonomy import ItemType, Theme


class ServiceFilterForm(DepartmentFilterForm):
    department_label = _("实施部门")
    item_type = forms.ChoiceField(label=_("事项类型"), choices=ANY + ItemType.choices, required=False)
    audience = forms.ChoiceField(label=_("服务对象"), choices=ANY + Audience.choices, required=False)
    theme = forms.ChoiceField(label=_("主题"), choices=ANY + Theme.choices, required=False)
    keyword = forms.CharField(label=_("事项名称"), required=False, max_length=40)


class ServiceFilter(DepartmentFilter):
    """The reader's filters applied to service items, in tree order."""

    form_class = ServiceFilterForm
    results_name = "items"

    def filtered(self, values):
        items = self.pages
        if values["department"]:
            items = self.in_department(items, values["department"])
        for name in ("item_type", "theme"):
            if values[name]:
                items = items.filter(**{name: values[name]})
        if values["audience"]:
            items = items.filter(audience_links__audience=values["audience"])
        if values["keyword"].strip():
            items = items.filter(title__icontains=values["keyword"].strip())
        return items.only("title", "url_path", "path", "item_code", "item_type", "theme", "summary").order_by("path")
