"""Optional TOTP two-factor sign-in for admin accounts, on django-otp's TOTP devices.

A user turns it on from their account page by scanning a QR code into an authenticator app and confirming one
code; from then on the admin login asks for a current code as well as the password.
"""

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


def turn_off(user):
    TOTPDevice.objects.filter(user=user).delete()
