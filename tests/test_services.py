"""The configured database and cache answer: a service that is down fails the suite instead of being skipped."""

from django.core.cache import cache
from django.db import connection

import pytest


@pytest.mark.django_db
def test_database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone()[0] == 1


def test_cache_round_trip():
    cache.set("jmportal-health", "ok", 10)
    assert cache.get("jmportal-health") == "ok"
