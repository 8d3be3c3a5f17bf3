from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from disclosure.feeds import CatalogAtomFeed, CatalogFeed
from home.views import robots_txt
from jmportal.api import api_router
from languages import sitemaps
from portal import elderly_mode
from search import views as search_views
from services import views as services_views

handler500 = "home.views.server_error"  # 503 when the database is unreachable

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/services/items/", services_views.push_items, name="push_service_items"),
    path("api/12345/", include("interaction.urls")),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemaps.sitemap, name="language_sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("elderly-mode/", elderly_mode.switch, name="elderly_mode"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Reader-facing URLs carry the language: /…  for zh-hans, /zh-hant/… and /en/… for the translations.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("feeds/disclosure.rss", CatalogFeed(), name="disclosure_rss"),
    path("feeds/disclosure.atom", CatalogAtomFeed(), name="disclosure_atom"),
    path("feeds/disclosure/<str:code>.rss", CatalogFeed(), name="department_disclosure_rss"),
    path("feeds/disclosure/<str:code>.atom", CatalogAtomFeed(), name="department_disclosure_atom"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
