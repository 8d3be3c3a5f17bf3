import io
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from wagtail.models import Page, Site

import pytest
import time_machine

from home.models import PortalSettings

from .factories import HomePageFactory
from .helpers import interaction_site

# The suite's today: every test runs on this day (the demo's cases and the October figures are dated around it),
# so "overdue", "three months unanswered" and "this year" mean the same whatever the real date.
TODAY = datetime(2026, 11, 27).date()
NOW = datetime.combine(TODAY, time(10), tzinfo=ZoneInfo(settings.TIME_ZONE))
DEMO = "demo_portal"


@pytest.fixture(autouse=True)
def clock(request):
    """Time runs from NOW in every test but the browser tests, whose served portal keeps the real clock."""
    if request.node.get_closest_marker("browser"):
        yield None
        return
    with time_machine.travel(NOW, tick=True):
        yield NOW


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: the database rolls back after a test, the cache (Redis in CI) does not,
    and rate-limit counters, the cached layout and the search fallback flag live there."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the portal's own language: a request under /en/ or /zh-hant/ leaves its language active
    in the worker's thread, and a later test rendering outside a request would otherwise speak it."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


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


@pytest.fixture
def portal(home):
    """公众互动 on the empty portal: the letter form, 依申请公开, tracking and the letter board."""
    return interaction_site(home)


class DemoPortal:
    """The demo portal (`load_demo`, loaded an hour before NOW) in a transaction of its own: each test's
    transaction nests in it as a savepoint, and it is rolled back as soon as the run moves on to a test that does
    not use it, so every other test still starts from an empty database."""

    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None

    def load(self):
        if self.atomic is not None:
            return
        with self.blocker.unblock(), time_machine.travel(NOW - timedelta(hours=1), tick=True):
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            call_command("load_demo", stdout=io.StringIO())

    def unload(self):
        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = None


demo_key = pytest.StashKey[DemoPortal]()


@pytest.fixture(scope="session")
def demo_portal(request, django_db_setup, django_db_blocker):
    """The whole demo portal, loaded once for the tests that ask for it (they run last, see below)."""
    demo = request.config.stash[demo_key] = DemoPortal(django_db_blocker)
    demo.load()
    yield demo
    demo.unload()


def uses_demo(item):
    return item is not None and DEMO in getattr(item, "fixturenames", ())


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """The demo tests last. pytest-django's own sort comes next (database, transactional, then database-free
    tests) and keeps this order within each kind, so the demo tests end the database tests: the demo is loaded
    once, and no transactional test's flush empties the database before it. Under `pytest -n 2 --dist loadgroup`
    (`make test`) the demo tests go to one worker and the browser tests, which share one served portal, to one."""
    items.sort(key=uses_demo)
    for item in items:
        if uses_demo(item):
            item.add_marker(pytest.mark.xdist_group("demo"))
        elif item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))


def pytest_runtest_setup(item):
    demo = item.config.stash.get(demo_key, None)
    if demo is not None and uses_demo(item):
        demo.load()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        demo = item.config.stash.get(demo_key, None)
        if demo is not None and not uses_demo(nextitem):
            demo.unload()
