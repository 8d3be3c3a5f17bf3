"""Optional TOTP two-factor sign-in for admin accounts, on django-otp's TOTP devices.

A user turns it on from their account page by scanning a QR code into an authenticator app and confirming one
code; from then on the admin login asks for a current code as well as the password.
"""

import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "身份验证器"


def is_on(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def verify(user, token):
    """True when `token` is a current code of one of the user's confirmed devices (each code works once)."""
    token = (token or "").strip()
    if not token.isdigit():
        return False
    return any(device.verify_token(token) for device in TOTPDevice.objects.devices_for_user(user, confirmed=True))


def pending_device(user):
    """The device being set up: created on first visit, confirmed by the first correct code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def qr_svg(device):
    """The device's otpauth:// URL as an inline SVG QR code, for the authenticator app to scan."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    return image.to_string(encoding="unicode")


def turn_off(user):
    TOTPDevice.objects.filter(user=user).delete()
