from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The platform every page app builds on; it imports no other app of the project."""

    name = "portal"
    verbose_name = "门户平台"
