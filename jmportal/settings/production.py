"""Production: refuses to start unless it is safe to. Everything comes from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env

if env.flag("DEBUG"):
    raise ImproperlyConfigured("DEBUG 不能在生产环境开启：请取消环境变量 DEBUG。")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("django-insecure", "dev-only", "test-only")):
    raise ImproperlyConfigured("生产环境需要一个真实的 SECRET_KEY（至少 50 个随机字符）。")

DEBUG = False
ALLOWED_HOSTS = env.words("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("生产环境需要设置 ALLOWED_HOSTS（以逗号分隔的域名）。")

# Links in workflow and notification e-mails; defaults to the first allowed host over HTTPS.
WAGTAILADMIN_BASE_URL = env.text("WAGTAILADMIN_BASE_URL") or f"https://{ALLOWED_HOSTS[0].lstrip('.')}"

STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"

# Behind TLS (the nginx front end terminates it and sets X-Forwarded-Proto).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.number("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.flag("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
