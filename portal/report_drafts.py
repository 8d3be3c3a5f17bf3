"""Drafting a yearly report from the admin: a year to choose, then the draft opened in its editor.

The annual disclosure report (disclosure) and the website's annual report (home) are both drafted this way; each
says who may draft, which year to offer and how to draft it.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

FIRST_YEAR = 2008  # 《政府信息公开条例》 took effect on 2008-05-01


class ReportYearForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=FIRST_YEAR)

    def __init__(self, *args, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].help_text = help_text

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > timezone.localdate().year:
            raise forms.ValidationError("只能起草已经开始的年度。")
        return year


class DraftReportView(WagtailAdminTemplateMixin, FormView):
    """A year form whose valid answer drafts the report (`draft(year)` -> (page, created)) and opens its editor."""

    template_name = "wagtailadmin/generic/form.html"
    form_class = ReportYearForm
    year_help_text = ""
    drafted_message = "已起草，请补充完善后提交审核。"
    existing_message = "该年度的报告已存在，已为您打开。"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "help_text": self.year_help_text}

    def get_context_data(self, **kwargs):
        return super().get_context_data(action_url=self.request.path, submit_button_label="起草", **kwargs)

    def draft(self, year):
        """(page, created): the year's report, drafted now unless it exists; a ValidationError says why not."""
        raise NotImplementedError

    def form_valid(self, form):
        try:
            report, created = self.draft(form.cleaned_data["year"])
        except forms.ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, self.drafted_message if created else self.existing_message)
        return redirect("wagtailadmin_pages:edit", report.pk)
