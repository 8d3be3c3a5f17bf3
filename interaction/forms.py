"""The public forms: writing a message, requesting disclosure, looking a case up, rating the reply."""

import re

from django import forms
from django.db import DataError
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from portal import captcha

from .access import departments
from .masking import is_id_number
from .models.cases import (
    PUBLIC_APPLICANT_TYPES,
    Case,
    Category,
    DeliveryForm,
    DeliveryMethod,
    Honorific,
    IdType,
    Kind,
    Satisfaction,
)
from .tracking import normalise

MAX_CONTENT = 2000
MOBILE = re.compile(r"1[3-9]\d{9}")
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!]")
# Class attributes are made at import: a text with a value in it is translated when shown, in the reader's language.
CONTENT_HELP = lazy(
    lambda: gettext("请写明时间、地点和具体事项，不超过 %(limit)s 字。") % {"limit": MAX_CONTENT}, str
)()
MARKUP_ERROR = _("请不要输入网页代码（如 <script>）；如需引用，请用文字描述。")


def plain_text(value):
    if MARKUP.search(value or ""):
        raise forms.ValidationError(MARKUP_ERROR)
    return value


class CaptchaForm(forms.Form):
    """An arithmetic question whose answer waits on the server (`portal.captcha`); `renew_captcha` gives a re-shown
    form a fresh one, since every check uses the question up."""

    captcha_token = forms.CharField(widget=forms.HiddenInput, required=False)
    captcha_answer = forms.CharField(label=_("验证码"), max_length=4, help_text=_("请用阿拉伯数字作答"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.renew_captcha()

    def renew_captcha(self):
        self.question, token = captcha.new_challenge()
        if self.is_bound:
            self.data = self.data.copy()
            self.data.update({self.add_prefix("captcha_token"): token, self.add_prefix("captcha_answer"): ""})
        self.fields["captcha_token"].initial = token
        self.fields["captcha_answer"].label = _("验证码：%(question)s") % {"question": self.question}
        for name in ("captcha_token", "captcha_answer"):  # bound fields made before this keep the old question
            self._bound_fields_cache.pop(name, None)

    def clean(self):
        cleaned = super().clean()
        answered = "captcha_answer" in cleaned  # an empty answer already has its own message
        if answered and not captcha.is_correct(cleaned.get("captcha_token", ""), cleaned["captcha_answer"]):
            self.add_error("captcha_answer", _("验证码不正确或已过期，请回答新的题目。"))
        return cleaned


class DepartmentField(forms.ModelChoiceField):
    """A department by id; an id too large for the database's integers is one more invalid choice, not a 500.
    Readers of a language other than Chinese see the department's name in their language where it has one."""

    titles = {}

    def label_from_instance(self, obj):
        return self.titles.get(obj.translation_key, obj.title)

    def to_python(self, value):
        try:
            return super().to_python(value)
        except (OverflowError, DataError):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from None


class CaseForm(CaptchaForm, forms.ModelForm):
    """Shared rules: a valid mainland mobile number, plain text only, bounded lengths."""

    kind = Kind.MESSAGE

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "requested_department" in self.fields:
            field = self.fields["requested_department"]
            field.queryset = departments().live()
            language = get_language() or ""
            if isinstance(field, DepartmentField) and not language.startswith("zh"):
                field.titles = dict(
                    Page.objects.live()
                    .filter(
                        translation_key__in=field.queryset.values("translation_key"), locale__language_code=language
                    )
                    .values_list("translation_key", "title")
                )
        self.fields["content"].widget.attrs["maxlength"] = MAX_CONTENT
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="numeric")
        for field in self.fields.values():
            required = _("请选择“%(label)s”。") if isinstance(field, forms.ChoiceField) else _("请填写“%(label)s”。")
            field.error_messages["required"] = required % {"label": field.label}

    def clean_phone(self):
        phone = re.sub(r"[\s-]", "", self.cleaned_data["phone"])
        if not MOBILE.fullmatch(phone):
            raise forms.ValidationError(_("请填写11位手机号码，例如 13800000000。"))
        return phone

    def clean_title(self):
        return plain_text(self.cleaned_data["title"].strip())

    def clean_name(self):
        return plain_text(self.cleaned_data["name"].strip())

    def clean_content(self):
        content = self.cleaned_data["content"].strip()
        if len(content) > MAX_CONTENT:
            raise forms.ValidationError(
                _("内容不能超过 %(limit)s 字（现有 %(length)s 字）。") % {"limit": MAX_CONTENT, "length": len(content)}
            )
        return plain_text(content)


class MessageForm(CaseForm):
    kind = Kind.MESSAGE

    class Meta:
        model = Case
        fields = [
            "name",
            "honorific",
            "phone",
            "email",
            "category",
            "requested_department",
            "title",
            "content",
            "publish_consent",
        ]
        field_classes = {"requested_department": DepartmentField}
        labels = {
            "name": _("姓名"),
            "honorific": _("称呼"),
            "phone": _("手机号码"),
            "email": _("电子邮箱"),
            "category": _("留言类别"),
            "requested_department": _("反映给哪个部门（可不选）"),
            "title": _("标题"),
            "content": _("内容"),
            "publish_consent": _("同意公开"),
        }
        help_texts = {
            "publish_consent": _("答复后可在“公开信件”中公开；公开前会隐去您的姓名、电话、证件号码等个人信息。"),
            "content": CONTENT_HELP,
        }
        widgets = {"honorific": forms.RadioSelect, "category": forms.RadioSelect, "content": forms.Textarea}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["honorific"].required = True
        self.fields["honorific"].choices = Honorific.choices
        if "category" in self.fields:
            self.fields["category"].required = True
            self.fields["category"].choices = [
                (value, label) for value, label in Category.choices if value != Category.SUPERVISION
            ]


class SupervisionComplaintForm(MessageForm):
    """投诉监督 (网上监察): a complaint about how an office or its staff work; the supervision group handles it."""

    class Meta(MessageForm.Meta):
        fields = [name for name in MessageForm.Meta.fields if name != "category"]
        labels = {**MessageForm.Meta.labels, "requested_department": "被投诉单位（可不选）", "title": "投诉事项"}
        help_texts = {
            **MessageForm.Meta.help_texts,
            "content": f"请写明时间、地点、涉及的单位或工作人员和具体情况，不超过 {MAX_CONTENT} 字。",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.category = Category.SUPERVISION


class InterviewQuestionForm(CaseForm):
    """A question sent in before an online interview; the phone is for the department to call back, never shown."""

    kind = Kind.INTERVIEW

    class Meta:
        model = Case
        fields = ["name", "honorific", "phone", "content"]
        labels = {"name": "姓名", "content": "您的问题"}
        help_texts = {
            "phone": "仅用于工作人员联系您，不会公开。",
            "content": "问题经审核后显示在本页，公开时隐去姓名和联系方式。",
        }
        widgets = {"honorific": forms.RadioSelect, "content": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, page=None, **kwargs):
        """`page`: the page asked about (see questions.py), whose `department` moderates the question."""
        super().__init__(*args, **kwargs)
        self.fields["honorific"].required = True
        self.fields["honorific"].choices = Honorific.choices
        if page is not None:
            self.instance.page = page
            self.instance.department_id = page.department_id
            self.instance.title = f"访谈提问：{page.title}"[:80]


class DisclosureRequestForm(CaseForm):
    kind = Kind.DISCLOSURE

    class Meta:
        model = Case
        fields = [
            "applicant_type",
            "name",
            "id_type",
            "id_number",
            "phone",
            "email",
            "address",
            "requested_department",
            "title",
            "content",
            "purpose",
            "delivery_form",
            "delivery_method",
        ]
        field_classes = {"requested_department": DepartmentField}
        labels = {
            "name": "申请人姓名或单位名称",
            "requested_department": "受理机关",
            "title": "所需政府信息的名称",
            "content": "所需政府信息的内容描述",
        }
        help_texts = {"content": "请写明文件名称、文号或便于查询的其他特征", "purpose": "可不填"}
        widgets = {
            "applicant_type": forms.RadioSelect,
            "delivery_form": forms.RadioSelect,
            "delivery_method": forms.RadioSelect,
            "content": forms.Textarea,
            "purpose": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in [
            "applicant_type",
            "id_type",
            "id_number",
            "requested_department",
            "delivery_form",
            "delivery_method",
        ]:
            self.fields[name].required = True
        self.fields["applicant_type"].choices = PUBLIC_APPLICANT_TYPES
        self.fields["delivery_form"].choices = DeliveryForm.choices
        self.fields["delivery_method"].choices = DeliveryMethod.choices
        self.fields["purpose"].validators.append(plain_text)
        self.fields["address"].validators.append(plain_text)

    def clean(self):
        cleaned = super().clean()
        number = (cleaned.get("id_number") or "").strip().upper()
        if cleaned.get("id_type") == IdType.ID_CARD and number and not is_id_number(number):
            self.add_error("id_number", "居民身份证号码不正确，请核对18位号码（最后一位可能是X）。")
        if cleaned.get("delivery_method") == DeliveryMethod.POST and not cleaned.get("address"):
            self.add_error("address", "选择邮寄时请填写通信地址。")
        if cleaned.get("delivery_method") == DeliveryMethod.EMAIL and not cleaned.get("email"):
            self.add_error("email", "选择电子邮件时请填写电子邮箱。")
        cleaned["id_number"] = number
        return cleaned


class LookupForm(forms.Form):
    code = forms.CharField(label=_("查询码"), max_length=30, help_text=_("提交时获得，例如 JM-7K3Q-9XWD-2HFP"))
    phone_suffix = forms.CharField(label=_("手机号码后四位"), min_length=4, max_length=4)

    def clean_code(self):
        code = normalise(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(_("查询码格式不正确，应为 JM 开头的 14 位字母和数字。"))
        return code


class RatingForm(LookupForm):
    satisfaction = forms.TypedChoiceField(
        label=_("您对答复是否满意"), choices=Satisfaction.choices, coerce=int, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("意见（可不填）"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("code", "phone_suffix"):  # carried over from the lookup, checked again
            self.fields[name].widget = forms.HiddenInput()

    def clean_comment(self):
        return plain_text(self.cleaned_data["comment"].strip())
