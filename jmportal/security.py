"""Security headers Django does not set itself: a Content-Security-Policy and a Permissions-Policy.

Public pages run no inline script: scripts and styles come only from this site's own static files. Wagtail's
admin still writes a few inline scripts (inline panels, date pickers), so /admin/ gets a policy that allows
them but, like every page, loads nothing from elsewhere and may not be framed by another site.
"""

from django.conf import settings

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def policy_text(directives):
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public = policy_text(settings.CONTENT_SECURITY_POLICY)
        self.admin = policy_text({**settings.CONTENT_SECURITY_POLICY, **settings.ADMIN_CONTENT_SECURITY_POLICY})

    def __call__(self, request):
        response = self.get_response(request)
        in_admin = request.path.startswith("/admin/")
        response.headers.setdefault("Content-Security-Policy", self.admin if in_admin else self.public)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
