"""The account page where an admin user turns two-factor sign-in on or off."""

from base64 import b32encode

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from portal.qr import qr_svg

from . import two_factor
from .forms import TokenForm


def two_factor_settings(request):
    """GET: the state, and the QR code while setting up. POST: a current code confirms the device or turns it off."""
    user = request.user
    enabled = two_factor.is_on(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["otp_token"]
        if enabled and two_factor.verify(user, token):
            two_factor.turn_off(user)
            messages.success(request, "已关闭两步验证。")
            return redirect("two_factor")
        device = None if enabled else two_factor.pending_device(user)
        if device is not None and device.verify_token(token.strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            messages.success(request, "已开启两步验证：以后登录后台时需要输入动态验证码。")
            return redirect("two_factor")
        form.add_error("otp_token", "验证码不正确，请输入身份验证器中当前显示的 6 位数字。")
    context = {"enabled": enabled, "form": form, "page_title": "两步验证", "header_icon": "key"}
    if not enabled:
        device = two_factor.pending_device(user)
        context.update(qr_svg=qr_svg(device.config_url), secret=b32encode(device.bin_key).decode())
    return TemplateResponse(request, "accounts/two_factor.html", context, status=400 if form.errors else 200)
