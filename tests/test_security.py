"""What keeps readers and staff safe: strict headers, no inline script, a throttled and optionally two-factor
admin login, escaped content, and uploaded documents that cannot run as pages."""

import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import override_settings

from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.blocks import RICH_TEXT_FEATURES

from .factories import StandardPageFactory
from .site_group import make_user

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
PASSWORD = "a-long-staff-password-2026"
PRODUCTION_TLS = {
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
}


def directives(response):
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))


def test_public_pages_send_strict_security_headers(client, home):
    response = client.get("/")
    policy = directives(response)
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "Strict-Transport-Security" not in response  # plain HTTP: no HSTS


@override_settings(**PRODUCTION_TLS)
def test_hsts_is_sent_behind_tls(client, home):
    response = client.get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_templates_have_no_inline_script_or_event_handler():
    offenders = []
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or re.search(r"\son[a-z]+\s*=", text) or "<style" in text:
            offenders.append(str(template.relative_to(TEMPLATES)))
    assert offenders == []


def test_rendered_pages_run_no_inline_script(client, home):
    page = StandardPageFactory(parent=home, slug="overview")
    html = client.get(page.url).content.decode()
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", html))


def test_stream_field_text_is_escaped(client, home):
    page = StandardPageFactory(parent=home, slug="overview")
    page.body = [("heading", {"text": "<img src=x onerror=alert(3)>标题", "level": "h2"})]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<img src=x onerror" not in html and "&lt;img src=x onerror=alert(3)&gt;标题" in html


def test_rich_text_from_the_editor_keeps_only_whitelisted_markup():
    editor = EditorHTMLConverter(features=RICH_TEXT_FEATURES)
    stored = editor.to_database_format(
        '<p onclick="x()">正文<script>alert(1)</script><a href="javascript:alert(2)">链接</a></p>'
    )
    assert stored == "<p>正文alert(1)<a>链接</a></p>"


def staff(username="editor"):
    """A portal administrator with a password (what two-factor sign-in is for)."""
    user = make_user(username)
    user.set_password(PASSWORD)
    user.is_superuser = True
    user.save()
    return user


def upload(name, content):
    uploader = get_user_model().objects.filter(username="uploader").first() or staff("uploader")
    return get_document_form(get_document_model())(
        data={"title": name}, files={"file": ContentFile(content, name=name)}, user=uploader
    )


def test_documents_cannot_be_uploaded_as_web_pages_or_scripts():
    for name in ("notice.html", "notice.svg", "notice.js"):
        form = upload(name, b"<script>alert(1)</script>")
        assert not form.is_valid(), name
        assert "file" in form.errors


def test_documents_are_served_with_safe_content_types(client):
    form = upload("notice.txt", b"<html><script>alert(1)</script></html>")
    assert form.is_valid()
    document = form.save()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"  # Wagtail's own, stricter than the site's

    form = upload("figures.xlsx", b"PK\x03\x04 not really a spreadsheet")
    assert form.is_valid()
    spreadsheet = form.save()
    response = client.get(spreadsheet.url)
    assert response["Content-Disposition"].startswith("attachment")


def log_in(client, password=PASSWORD, token=None, address="10.0.0.1"):
    data = {"username": "editor", "password": password, **({"otp_token": token} if token else {})}
    return client.post("/admin/login/", data, REMOTE_ADDR=address)


@override_settings(AXES_ENABLED=True)
def test_admin_login_is_throttled_after_five_wrong_passwords(client):
    staff()
    for _ in range(4):
        assert log_in(client, password="wrong").status_code == 200
    assert log_in(client, password="wrong").status_code == 429  # the fifth wrong password locks
    locked = log_in(client)  # now even the right one is refused
    assert locked.status_code == 429
    assert "登录尝试过多" in locked.content.decode()
    assert log_in(client, address="10.0.0.2").status_code == 302  # the lock is per account and address


@pytest.fixture
def two_factor_user():
    user = staff()
    return user, TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_two_factor_login_needs_a_current_code(client, two_factor_user):
    _, device = two_factor_user
    without = log_in(client)
    assert without.status_code == 200 and "动态验证码不正确" in without.content.decode()
    assert log_in(client, token="000000" if current_code(device) != "000000" else "111111").status_code == 200
    device.refresh_from_db()
    device.throttle_reset()  # django-otp makes a device wait a moment after a wrong code
    assert log_in(client, token=current_code(device)).status_code == 302


def test_accounts_without_two_factor_log_in_with_the_password_alone(client):
    staff()
    assert log_in(client).status_code == 302


def test_staff_turn_two_factor_on_from_their_account(client):
    user = staff()
    client.force_login(user)
    page = client.get("/admin/account/two-factor/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    assert client.post("/admin/account/two-factor/", {"otp_token": "12"}).status_code == 400
    device = TOTPDevice.objects.get(user=user)
    client.post("/admin/account/two-factor/", {"otp_token": current_code(device)})
    device.refresh_from_db()
    assert device.confirmed
    assert "两步验证" in client.get("/admin/account/").content.decode()
