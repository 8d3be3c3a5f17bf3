"""The demo portal built once per test run, in a SQLite file that the suite's demo tests and the browser tests share.

`load_demo` takes about two minutes. The demo tests (the `demo_portal` world) and the browser tests (a served copy,
as `make run` serves it) each needed it, on separate pytest-xdist workers: now whichever asks first builds it, in a
subprocess under a file lock in the run's shared temporary folder, and the other waits for that build instead of
making its own. It is built at the suite's clock (an hour before tests/worlds.NOW), as the demo world always was.
"""

import fcntl
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.db import connection

from .worlds import NOW

PROJECT = Path(__file__).resolve().parents[1]
BUILD_SCRIPT = """
import os, sys, datetime, django
django.setup()
import time_machine
from django.core.management import call_command
with time_machine.travel(datetime.datetime.fromisoformat(sys.argv[1]), tick=True):
    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))
"""
DEMO_BUILT_AT = NOW - timedelta(hours=1)
ALIAS = "built_demo"
NOT_COPIED = {"django_migrations"}  # the same migrations made both databases' tables


@dataclass(frozen=True)
class DemoBuild:
    """A built demo: its SQLite database and its media folder (files `load_demo` saves, if any)."""

    database: Path
    media: Path

    def environment(self, **extra):
        """The environment for a `manage.py` subprocess on this build (or on a copy given as DATABASE_URL)."""
        env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "ELASTICSEARCH_URL"}}
        env.update(
            DJANGO_SETTINGS_MODULE="jmportal.settings.test",
            DATABASE_URL=f"sqlite:///{self.database}",
            MEDIA_ROOT=str(self.media),
            PYTHONUNBUFFERED="1",
        )
        env.update(extra)
        return env


def shared_folder(tmp_path_factory):
    """The temporary folder of this run that every pytest-xdist worker sees (each worker's own is inside it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_demo(shared):
    """The demo built in the run's `shared` folder, building it first unless another worker already has (or is
    doing so now)."""
    folder = shared / "demo"
    folder.mkdir(exist_ok=True)
    build = DemoBuild(folder / "demo.sqlite3", folder / "media")
    done = folder / "demo.built"
    with open(folder / "demo.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            build.database.unlink(missing_ok=True)
            subprocess.run(
                [sys.executable, "-c", BUILD_SCRIPT, DEMO_BUILT_AT.isoformat()],
                cwd=PROJECT,
                env=build.environment(),
                check=True,
                timeout=900,
            )
            done.touch()
    return build


def copy_into_test_database(build, media_root):
    """Replace the test database's rows with the build's, inside the caller's transaction (so it rolls back).

    The build is attached to the connection beforehand (`attach`, outside any transaction, as SQLite requires).
    FTS5's shadow tables are copied as they are, so the search index comes along exactly as built."""
    quote = connection.ops.quote_name  # the names below come from the build's own schema, never from input
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, sql FROM {ALIAS}.sqlite_master WHERE type = 'table'")  # noqa: S608
        for table, sql in cursor.fetchall():
            if table in NOT_COPIED or sql.startswith("CREATE VIRTUAL TABLE"):
                continue
            cursor.execute(f"PRAGMA main.table_info({quote(table)})")
            columns = ", ".join(quote(row[1]) for row in cursor.fetchall())
            source, target = f"{ALIAS}.{quote(table)}", f"main.{quote(table)}"
            cursor.execute(f"DELETE FROM {target}")  # noqa: S608
            cursor.execute(f"INSERT INTO {target} ({columns}) SELECT {columns} FROM {source}")  # noqa: S608
    if build.media.exists():
        shutil.copytree(build.media, media_root, dirs_exist_ok=True)


def attach(build):
    """Make the build readable from the test database's connection, once (SQLite refuses ATTACH in a transaction)."""
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA database_list")
        if ALIAS not in {row[1] for row in cursor.fetchall()}:
            cursor.execute(f"ATTACH DATABASE %s AS {ALIAS}", [str(build.database)])
