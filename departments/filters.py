"""A reader's filters over the departments' pages (the disclosure catalog, the service items): the form, the
department choice, and one page of results.

Bad filter values never raise: the reader gets an empty result with a message saying what was not understood.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from portal.listing import PAGE_SIZE, filtered_page

from .ownership import Departments

ANY = [("", _("全部"))]


class QuickSelect(forms.Select):
    """A <select> written in one pass: Django's widget renders a template per option, which cost a catalog
    with a hundred departments a quarter of its time."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        body = format_html_join("", "{}", ((self.group(label, options),) for label, options, _ in widget["optgroups"]))
        return format_html('<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), body)

    @staticmethod
    def group(label, options):
        """The options of one group, in an <optgroup> when it has a label."""
        html = format_html_join(
            "", '<option value="{}"{}>{}</option>', ((o["value"], flatatt(o["attrs"]), o["label"]) for o in options)
        )
        return format_html('<optgroup label="{}">{}</optgroup>', label, html) if label else html


class DepartmentFilterForm(forms.Form):
    """A filter form whose `department` field offers the portal's departments (by code)."""

    department = forms.ChoiceField(required=False)
    department_label = _("部门")

    def __init__(self, data, departments):
        super().__init__(data)
        self.fields["department"].label = self.department_label
        self.fields["department"].choices = ANY + [(department.code, department.title) for department in departments]
        for field in self.fields.values():
            if type(field.widget) is forms.Select:
                field.widget = QuickSelect(attrs=field.widget.attrs, choices=field.choices)


class DepartmentFilter:
    """The reader's filters (`form_class`) applied to `pages`, one page of them under `results_name`."""

    form_class = DepartmentFilterForm
    results_name = "pages"
    page_size = PAGE_SIZE

    def __init__(self, data, pages, departments):
        self.departments = list(departments)
        self.form = self.form_class(data, self.departments)
        self.pages = pages
        self.page_number = data.get("page", "1")

    def in_department(self, pages, code):
        department = next(d for d in self.departments if d.code == code)
        return pages.filter(path__startswith=department.path)

    def filtered(self, values):
        """The pages matching the form's cleaned `values`, in the order to show them."""
        raise NotImplementedError

    def results(self):
        """{results_name: page of pages or [], "problem": message or ""}"""
        page, problem = filtered_page(self.form, self.filtered, self.page_number, self.page_size)
        if page is not None:
            Departments(self.departments).label(page)
        return {self.results_name: page or [], "problem": problem}
