"""The admin login with an optional TOTP code, and the form that confirms or removes a device."""

from django import forms
from django.contrib.auth.signals import user_login_failed
from django.core.validators import RegexValidator

from wagtail.admin.forms.auth import LoginForm

from . import two_factor

TOKEN_ATTRS = {"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}


def token_field(required):
    return forms.CharField(
        label="动态验证码",
        max_length=8,
        required=required,
        validators=[RegexValidator(r"^\d{6}$", "请输入 6 位数字。")],
        help_text="已开启两步验证的账号：请输入身份验证器应用中的 6 位数字。",
        widget=forms.TextInput(attrs=TOKEN_ATTRS),
    )


class TwoFactorLoginForm(LoginForm):
    """Wagtail's login; an account with a confirmed device also needs a current code.

    A wrong code counts as a failed login, so the login throttle covers guessing codes too.
    """

    otp_token = token_field(required=False)

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is not None and two_factor.is_on(user) and not two_factor.verify(user, cleaned.get("otp_token")):
            user_login_failed.send(sender=__name__, credentials={"username": user.get_username()}, request=self.request)
            raise forms.ValidationError("动态验证码不正确或已过期，请输入身份验证器中当前显示的 6 位数字。", code="otp")
        return cleaned


class TokenForm(forms.Form):
    otp_token = token_field(required=True)
