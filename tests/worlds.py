"""Shared worlds: what many tests start from, built once instead of once per test.

Building the site group (two onboarded departments, some 2,000 queries) or the demo portal for every test that
used it was most of the suite's time. A world is built once, in a transaction of its own that each test's
transaction nests in as a savepoint, so every test starts from the world exactly as built and its changes roll
back. The tests of one world run one after the other (and on one pytest-xdist worker, see conftest.py), and the
world is rolled back as soon as the run moves on to a test that does not use it, so every other test still starts
from an empty database. A test is handed its own copy of the world, every model instance in it read afresh from the
database, so nothing one test changed in memory reaches the next.
"""

import copy
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.utils import translation

from wagtail.models import Page, Site

import pytest
import time_machine

from home.models import PortalSettings

from .factories import HomePageFactory

# The suite's today: every test runs on this day (the demo's cases and the October figures are dated around it),
# so "overdue", "three months unanswered" and "this year" mean the same whatever the real date.
TODAY = datetime(2026, 11, 27).date()
NOW = datetime.combine(TODAY, time(10), tzinfo=ZoneInfo(settings.TIME_ZONE))
BUILT = NOW - timedelta(minutes=10)  # when a world is built: before anything its tests make from NOW on


class World:
    def __init__(self, name, build, *, empty_portal, built_at, prepare):
        self.name, self.build, self.empty_portal, self.built_at = name, build, empty_portal, built_at
        self.prepare = prepare


WORLDS = {}  # fixture name -> World, filled as conftest and the test modules are imported
HOME = "empty_home"  # the world of the tests that ask for just `home`


def world(build=None, *, empty_portal=True, built_at=BUILT, prepare=None):
    """Make `build` a shared world and the fixture, of the same name, that hands each test its copy of it.

    `build(home)` is given an empty portal's home (no argument when `empty_portal` is false), runs once at
    `built_at`, and returns what the tests get: an object whose attributes are pages, users and the like, or a
    page. The `home` fixture of a test of this world is the world's home. The name is the world's, across the suite:
    a module hands it to its tests under another name with a fixture of its own (`def group(staff_group): ...`),
    never by overriding it. `prepare(folder)`, if given, runs first, outside the world's transaction, with the
    run's shared temporary folder; what it returns is handed to `build` after the home."""

    def register(build):
        name = build.__name__
        known = WORLDS.get(name)
        if known is not None and known.build.__module__ != build.__module__:
            raise ValueError(f"two shared worlds are named {name}: in {known.build.__module__} and {build.__module__}")
        WORLDS[name] = World(name, build, empty_portal=empty_portal, built_at=built_at, prepare=prepare)

        def fixture(worlds, db):
            return worlds.copy_of(name)

        fixture.__doc__ = build.__doc__
        return pytest.fixture(fixture, name=name)

    return register if build is None else register(build)


def world_of(item):
    """The shared world a test uses (through its fixtures): `empty_home` if it asks for just `home`."""
    fixtures = set(getattr(item, "fixturenames", ()))
    names = fixtures & (WORLDS.keys() - {HOME})
    if len(names) > 1:
        raise pytest.UsageError(f"{item.nodeid} uses more than one shared world: {sorted(names)}")
    if names:
        return names.pop()
    return HOME if fixtures & {"home", HOME} else None


def refreshed(value):
    """`value` with its model instances (also in lists, tuples, dicts and an object's attributes) read afresh."""
    if isinstance(value, models.Model):
        return type(value)._base_manager.get(pk=value.pk)
    if isinstance(value, list | tuple):
        return type(value)(refreshed(item) for item in value)
    if isinstance(value, dict):
        return {key: refreshed(item) for key, item in value.items()}
    if hasattr(value, "__dict__") and not isinstance(value, type):
        value = copy.copy(value)
        for key, item in vars(value).items():
            if isinstance(item, models.Model | list | tuple | dict):
                setattr(value, key, refreshed(item))
    return value


def empty_portal():
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


class Worlds:
    """The world loaded on this worker (at most one at a time), in its open transaction."""

    def __init__(self):
        self.blocker = None  # set once the test database exists (the session fixture `worlds`)
        self.folder = None  # the run's temporary folder that every worker shares (tests/demo_build.py)
        self.wanted = None  # the world of the test being set up
        self.name = self.atomic = self.home = self.built = None

    def start(self, blocker, folder):
        self.blocker, self.folder = blocker, folder
        self.load(self.wanted)

    def load(self, name):
        if name == self.name or self.blocker is None:
            return
        self.unload()
        if name is None:
            return
        world = WORLDS[name]
        with (
            self.blocker.unblock(),
            translation.override(settings.LANGUAGE_CODE),
            time_machine.travel(world.built_at, tick=True),
        ):
            prepared = world.prepare(self.folder) if world.prepare else None
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                cache.clear()
                home = empty_portal() if world.empty_portal else None
                arguments = ([home] if world.empty_portal else []) + ([prepared] if world.prepare else [])
                built = world.build(*arguments)
            except BaseException as error:
                atomic.__exit__(type(error), error, error.__traceback__)
                raise
            cache.clear()
        self.name, self.atomic, self.home, self.built = name, atomic, home, built

    def unload(self):
        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.name = self.atomic = self.home = self.built = None

    def copy_of(self, name):
        assert self.name == name, f"the world {name} is not loaded (loaded: {self.name})"
        return refreshed(self.built)

    def home_page(self):
        assert self.home is not None, f"the world {self.name} has no home of the tests' making"
        return refreshed(self.home)
