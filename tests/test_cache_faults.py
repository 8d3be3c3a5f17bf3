"""A hung Redis costs a page milliseconds, not seconds: a Redis of the test's own is stopped with SIGSTOP (it still
accepts connections but never answers, the worst way a cache can fail), and the portal keeps serving."""

import logging
import os
import shutil
import signal
import socket
import subprocess
import time

from django.core.cache import cache
from django.test import override_settings

import pytest
import redis

START_SECONDS = 10


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(port):
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            return redis.Redis(port=port, socket_timeout=1).ping()
        except redis.ConnectionError:
            time.sleep(0.05)
    raise TimeoutError(f"redis-server on port {port} did not start")


@pytest.fixture
def redis_port(tmp_path):
    """A redis-server on a free port, stopped and started again by the test; skipped on a machine without one,
    except in CI."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is needed in CI (apt-get install redis-server)")
        pytest.skip("redis-server is not installed")
    port = free_port()
    options = ["--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(tmp_path)]
    server = subprocess.Popen([binary, *options], stdout=subprocess.DEVNULL)
    try:
        wait_until_answering(port)
        yield port, server
    finally:
        server.send_signal(signal.SIGCONT)
        server.terminate()
        server.wait(timeout=START_SECONDS)


def redis_cache(port):
    return {
        "default": {
            "BACKEND": "jmportal.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25, "retry_seconds": 1},
        }
    }


def timed_home_page(client):
    started = time.monotonic()
    response = client.get("/")
    assert response.status_code == 200
    return time.monotonic() - started


def test_a_hung_cache_keeps_pages_under_a_second_and_recovers(client, home, redis_port, caplog):
    port, server = redis_port
    with override_settings(CACHES=redis_cache(port)):
        timed_home_page(client)
        cache.set("kept", "through the pause")

        server.send_signal(signal.SIGSTOP)
        with caplog.at_level(logging.WARNING, logger="jmportal.cache"):
            first, second = timed_home_page(client), timed_home_page(client)
            assert cache.get("kept") is None  # a miss, at once
        assert first < 1 and second < 1, (first, second)
        assert sum(record.getMessage().startswith("cache unavailable") for record in caplog.records) == 1

        server.send_signal(signal.SIGCONT)
        time.sleep(1.1)  # retry_seconds
        assert cache.get("kept") == "through the pause"
        assert timed_home_page(client) < 1
