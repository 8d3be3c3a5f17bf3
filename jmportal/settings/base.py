"""Settings shared by every environment. Everything that varies comes from environment.py."""

from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from . import environment as env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env.text("SECRET_KEY")
DEBUG = env.flag("DEBUG")
ALLOWED_HOSTS = env.words("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env.words("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts",
    "portal",
    "home",
    "channels",
    "departments",
    "scenarios",
    "disclosure",
    "services",
    "interaction",
    "participation",
    "supervision",
    "search",
    "languages",
    "frontcache",
    "wagtail_localize",
    "wagtail.api.v2",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "jmportal.security.SecurityHeadersMiddleware",
    "frontcache.headers.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "jmportal.form_encoding.FormEncodingMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (jmportal/security.py): no inline script on public pages, nothing loaded from elsewhere.
# style-src-attr allows style attributes only (a department's checked colour as a CSS variable), never <style>.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Wagtail's admin writes some inline scripts and styles of its own, and frames its own previews.
ADMIN_CONTENT_SECURITY_POLICY = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-ancestors": ["'self'"],
}

# Admin sign-in: five wrong passwords (or two-factor codes) for one account from one address lock that pair out
# for 15 minutes (django-axes, failures kept in the database); two-factor sign-in is optional per account.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "portal.ratelimit.client_address"  # honours CLIENT_IP_HEADER behind the proxy
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.TwoFactorLoginForm"
OTP_TOTP_ISSUER = "江门政务之窗"

ROOT_URLCONF = "jmportal.urls"
WSGI_APPLICATION = "jmportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "languages.templates.Templates",  # DjangoTemplates, converting for zh-hant readers
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.database(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache(env.text("REDIS_URL"))}

# The front cache (nginx, deploy/nginx/): seconds a shared cache keeps an anonymous page, and a URL with a query
# string (which purges cannot name); the paths it never shares; where to send purges when pages are published.
FRONT_CACHE_SECONDS = env.number("FRONT_CACHE_SECONDS", 600)
FRONT_CACHE_QUERY_SECONDS = env.number("FRONT_CACHE_QUERY_SECONDS", 60)
FRONT_CACHE_EXEMPT_PATHS = ["/documents/", "/api/"]
# Cookies that change how every page looks (适老化): such readers get private pages; nginx bypasses its cache for them.
FRONT_CACHE_PRIVATE_COOKIES = ["elderly_mode"]
WAGTAILFRONTENDCACHE = env.front_cache(env.text("FRONT_CACHE_PURGE_URL"))
WAGTAILFRONTENDCACHE_LANGUAGES = []  # each translation is its own page with its own URL, purged when it changes

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Simplified Chinese is the source; the first Locale is created from LANGUAGE_CODE.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# zh-hant is kept from zh-hans by OpenCC (languages.machine_translator): s2hk (Hong Kong usage, default), s2t, s2tw.
TRADITIONAL_CHINESE_VARIANT = env.text("TRADITIONAL_CHINESE_VARIANT", "s2hk")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "languages.machine_translator.OpenCCTranslator",
    "OPTIONS": {"VARIANT": TRADITIONAL_CHINESE_VARIANT},
}
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.text("STATIC_ROOT", str(BASE_DIR / "collected-static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env.text("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies, with the same limits in deploy/nginx/jmportal.conf: forms and the 12345 exchange 2.5 MB (Django's
# default, 2560k in nginx), the approval system's push of service items 20 MB, documents WAGTAILDOCS_MAX_UPLOAD_SIZE.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2560 * 1024
SERVICES_PUSH_MAX_BYTES = 20 * 1024 * 1024

WAGTAIL_SITE_NAME = _("江门政务之窗")
WAGTAILADMIN_BASE_URL = env.text("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = env.search_backends(
    env.text("ELASTICSEARCH_URL"), env.text("ELASTICSEARCH_INDEX_PREFIX", "jmportal_")
)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "doc", "odt", "ofd", "pdf", "pptx", "rtf", "txt", "xlsx", "xls", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"

# 栏目更新监测: days within which a column must be updated, by column type (national inspection rules).
TIMELINESS_THRESHOLD_DAYS = {"home": 14, "news": 14, "notice": 183, "policy": 183, "default": 365}

# 热门搜索 (search/hot.py): how many different readers must have searched a query before the home page shows it.
HOT_SEARCH_MIN_CLIENTS = env.number("HOT_SEARCH_MIN_CLIENTS", 5)

# 公众互动: working days a 12345 message may take; exchange tokens "token=*" (whole city) or "token=<department slug>";
# the request header carrying the reader's address when a proxy stands in front (e.g. HTTP_X_REAL_IP).
INTERACTION_MESSAGE_SLA_DAYS = env.number("INTERACTION_MESSAGE_SLA_DAYS", 10)
INTERACTION_EXCHANGE_TOKENS = env.mapping("INTERACTION_EXCHANGE_TOKENS")
CLIENT_IP_HEADER = env.text("CLIENT_IP_HEADER")

EMAIL_BACKEND = env.text("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "noreply@jiangmen.gov.cn")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.text("LOG_LEVEL", "WARNING")},
}

# The approval system pushes service items with this bearer token (docs/service-items.md); empty refuses every push.
SERVICES_PUSH_TOKEN = env.text("SERVICES_PUSH_TOKEN")
