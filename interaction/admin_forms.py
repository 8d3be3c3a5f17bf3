"""What staff fill in when they act on a case in the back office; the workflow decides what is required."""

from django import forms

from departments.models import DepartmentPage

from .models.cases import Outcome, PauseReason


class HandleForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    department = forms.ModelChoiceField(label="承办部门", queryset=DepartmentPage.objects.none(), required=False)
    reply = forms.CharField(label="答复内容", required=False, widget=forms.Textarea(attrs={"rows": 6}))
    outcome = forms.ChoiceField(label="办理结果", choices=[("", "—")] + Outcome.choices, required=False)
    reason = forms.ChoiceField(label="暂停原因", choices=[("", "—")] + PauseReason.choices, required=False)
    public_title = forms.CharField(label="公开标题", max_length=80, required=False)
    public_content = forms.CharField(label="公开的来信内容", required=False, widget=forms.Textarea(attrs={"rows": 6}))
    public_reply = forms.CharField(label="公开的答复内容", required=False, widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = DepartmentPage.objects.filter(locale__language_code="zh-hans").order_by(
            "path"
        )

    def details(self):
        """The cleaned fields as keyword arguments for workflow.perform."""
        data = {name: value for name, value in self.cleaned_data.items() if name not in ("action", "note")}
        return {name: value for name, value in data.items() if value not in ("", None)}
