from django.core.cache import cache

from wagtail.models import Page, Site

import pytest

from home.models import PortalSettings

from .factories import HomePageFactory


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: the database rolls back after a test, the cache (Redis in CI) does not,
    and rate-limit counters, the cached layout and the search fallback flag live there."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    """An empty portal: a HomePage served as the default site."""
    root = Page.get_first_root_node()
    root.get_children().delete()
    home = HomePageFactory(parent=root)
    Site.objects.all().delete()
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="江门政务之窗"
    )
    PortalSettings.objects.create(site=site, site_id_code="4407000001", icp_number="粤ICP备05012345号")
    return home
