from django.urls import path, reverse

from wagtail import hooks

from .views import two_factor_settings


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("account/two-factor/", two_factor_settings, name="two_factor")]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("two_factor"),
        "label": "两步验证",
        "help_text": "登录时除密码外再输入身份验证器中的动态验证码。",
    }
