import io

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import translation

import pytest
import time_machine

from .demo_build import DEMO_BUILT_AT, attach, built_demo, copy_into_test_database, shared_folder
from .helpers import interaction_site
from .site_group import SiteGroup
from .worlds import HOME, NOW, Worlds, world, world_of


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


worlds_key = pytest.StashKey[Worlds]()
world_key = pytest.StashKey[str | None]()


@pytest.fixture(scope="session")
def worlds(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """The shared worlds (tests/worlds.py) on this worker: the first test of one loads it, the hooks below the rest."""
    state = request.config.stash[worlds_key]
    state.start(django_db_blocker, shared_folder(tmp_path_factory))
    yield state
    state.unload()


@world
def empty_home(home):
    """An empty portal: a HomePage served as the default site."""
    return home


@pytest.fixture
def home(worlds, db):
    """The empty portal's home page, or the home page of the larger world the test uses."""
    return worlds.home_page()


@world
def site_group(home):
    """The site group on the empty portal: departments A (民政局) and B (教育局), their staff and notices."""
    return SiteGroup(home)


@pytest.fixture
def group(site_group):
    """The site group (a test module may make its own `group` of it, or of a world of its own)."""
    return site_group


@world
def interaction_portal(home):
    """公众互动 on the empty portal: the two departments of SiteGroup, the letter form, 依申请公开, tracking, the
    letter board and the 12345 desk."""
    return interaction_site(home)


@pytest.fixture
def portal(interaction_portal):
    """公众互动 (a test module may make its own `portal`)."""
    return interaction_portal


def attached_demo(folder):
    """On SQLite, the run's one build of the demo (tests/demo_build.py), attached to the test database."""
    if connection.vendor != "sqlite":
        return None
    build = built_demo(folder)
    attach(build)
    return build


@world(empty_portal=False, built_at=DEMO_BUILT_AT, prepare=attached_demo)
def demo_portal(build):
    """The whole demo portal (`load_demo`, loaded an hour before NOW): on SQLite copied from the run's one build,
    which the browser tests serve too; on another database loaded here."""
    if build is None:
        call_command("load_demo", stdout=io.StringIO())
    else:
        copy_into_test_database(build, settings.MEDIA_ROOT)


def pytest_configure(config):
    config.stash[worlds_key] = Worlds()
    # pytest-xdist hands out the groups of `--dist loadgroup` largest first unless told to keep the tests' order,
    # which pytest_collection_modifyitems sets so that the longest groups start first.
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items):
    """The tests of one world run together, and under `pytest -n 2 --dist loadgroup` (`make test`) on one worker:
    their xdist group is the world's name. The browser tests, which share one served portal, are one group too. The
    tests of just an empty portal (`home`, quick to build) are no group, so that either worker can take them.

    Once the other plugins have had their turn (pytest-django sorts database, transactional, then database-free
    tests; pytest-xdist names the groups), the browser tests go first, then the other worlds, largest first, then
    the demo, then the empty portal's tests and the rest in the order pytest-django left them. The browser tests'
    first fixture builds the demo (tests/demo_build.py), so the other worker has the worlds to run while it does and
    finds the build ready when it reaches the demo; the tests that are no group come last and even out the two
    workers' ends."""
    sizes = {}
    for item in items:
        item.stash[world_key] = name = world_of(item)
        sizes[name] = sizes.get(name, 0) + 1
        if name not in (None, HOME):
            item.add_marker(pytest.mark.xdist_group(name))
        elif item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))
    result = yield
    for item in items:
        # pytest-xdist 3.8 names an item's group by appending "@group" to `item._nodeid`, which pytest 9.2 no longer
        # reads (the node id is `item._id`): without this every test was dealt out alone, and the demo was loaded,
        # and the browser tests' portal served, on both workers.
        grouped = getattr(item, "_nodeid", None)
        if grouped and grouped != item.nodeid and hasattr(item, "_id"):
            item._id = type(item._id).parse(grouped)

    def order(item):
        name = item.stash[world_key]
        if item.get_closest_marker("browser"):
            return (0, 0, "")
        if name == "demo_portal":
            return (2, 0, "")
        if name not in (None, HOME):
            return (1, -sizes[name], name)
        return (3 if name == HOME else 4, 0, "")

    items.sort(key=order)
    return result


def pytest_runtest_setup(item):
    state = item.config.stash[worlds_key]
    state.wanted = item.stash.get(world_key, None)
    state.load(state.wanted)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        state = item.config.stash[worlds_key]
        if nextitem is None or nextitem.stash.get(world_key, None) != state.name:
            state.unload()
