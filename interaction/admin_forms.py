"""What staff fill in when they act on a case in the back office; the workflow decides what is required."""

from django import forms

from departments.models import DepartmentPage

from .access import departments
from .models.cases import Channel, FeeMethod, Ground, Outcome, PauseReason, ReviewKind, ReviewResult


class HandleForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    department = forms.ModelChoiceField(label="承办部门", queryset=DepartmentPage.objects.none(), required=False)
    reply = forms.CharField(label="答复内容", required=False, widget=forms.Textarea(attrs={"rows": 6}))
    outcome = forms.ChoiceField(label="办理结果", choices=[("", "—")] + Outcome.choices, required=False)
    ground = forms.ChoiceField(
        label="理由",
        choices=[("", "—")] + Ground.choices,
        required=False,
        help_text="不予公开、无法提供、不予处理、其他处理须选择",
    )
    reason = forms.ChoiceField(label="暂停原因", choices=[("", "—")] + PauseReason.choices, required=False)
    channel = forms.ChoiceField(label="申请方式", choices=Channel.choices, required=False)
    received_date = forms.DateField(
        label="收到申请日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="在线提交的无需填写",
    )
    days = forms.IntegerField(
        label="延长工作日数", min_value=1, max_value=20, required=False, help_text="依申请公开最长延长 20 个工作日"
    )
    fee_method = forms.ChoiceField(label="计收方式", choices=[("", "—")] + FeeMethod.choices, required=False)
    fee_pages = forms.IntegerField(label="拟提供页数", min_value=1, max_value=1000000, required=False)
    review_kind = forms.ChoiceField(label="类型", choices=[("", "—")] + ReviewKind.choices, required=False)
    review_result = forms.ChoiceField(label="结果", choices=ReviewResult.choices, required=False)
    filed_on = forms.DateField(
        label="申请复议或起诉日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    public_title = forms.CharField(label="公开标题", max_length=80, required=False)
    public_content = forms.CharField(label="公开的来信内容", required=False, widget=forms.Textarea(attrs={"rows": 6}))
    public_reply = forms.CharField(label="公开的答复内容", required=False, widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments()

    def details(self):
        """The cleaned fields as keyword arguments for workflow.perform."""
        data = {name: value for name, value in self.cleaned_data.items() if name not in ("action", "note")}
        return {name: value for name, value in data.items() if value not in ("", None)}
