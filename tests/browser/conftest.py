"""A real server on loopback with the demo portal, and Debian's Chromium driven by Playwright.

The server is `manage.py runserver` in a subprocess with its own SQLite file, a copy of the run's one build of the
demo (tests/demo_build.py), so these tests never share the suite's test database. Under CI (`CI` set)
a missing browser or axe-core fails the run; on a developer's machine the tests are skipped instead.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ..demo_build import DemoBuild, built_demo, shared_folder

PROJECT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # The demo's department sub-site is mzj.localhost, which no resolver may know: every *.localhost is loopback.
    "--host-resolver-rules=MAP localhost 127.0.0.1, MAP *.localhost 127.0.0.1",
]
AXE = PROJECT / ".ci" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = PROJECT / "screenshots"
SITE_WALK_SUMMARY = pytest.StashKey[list]()  # what test_site_walk.py visited, shown at the end of the run


def missing(reason):
    """Fail under CI (a browser test must never pass by not running); skip on a developer's machine."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the browser tests: see .ci/run)")
    pytest.skip(f"{reason}; `.ci/run` installs it")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the portal server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (our own http://localhost URL)
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the portal server did not answer {url} within {seconds} s")


@pytest.fixture(scope="session")
def served_demo(tmp_path_factory):
    """A copy of the run's one demo build (tests/demo_build.py) for the server to change as people use it."""
    build = built_demo(shared_folder(tmp_path_factory))
    folder = tmp_path_factory.mktemp("portal")
    shutil.copyfile(build.database, folder / "portal.sqlite3")
    if build.media.exists():
        shutil.copytree(build.media, folder / "media")
    return DemoBuild(folder / "portal.sqlite3", folder / "media")


@pytest.fixture(scope="session")
def server_env(served_demo):
    # CLIENT_IP_HEADER as behind the proxy: lets the bad-input tests use their own rate limit.
    return served_demo.environment(CLIENT_IP_HEADER="HTTP_X_REAL_IP")


@pytest.fixture(scope="session")
def portal(server_env):
    """The demo portal's base URL, served by a real HTTP server on loopback."""
    manage = [sys.executable, "manage.py"]
    port = free_port()
    # As `make run` serves it: load_demo run again (it changes nothing but the Sites' port), then the demo's own
    # Sites (localhost and the department's mzj.localhost) served on this port.
    subprocess.run(
        [*manage, "load_demo", "--port", str(port)],
        cwd=PROJECT,
        env=server_env,
        check=True,
        capture_output=True,
        timeout=600,
    )
    log = open(Path(server_env["MEDIA_ROOT"]).parent / "server.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [*manage, "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
        cwd=PROJECT,
        env=server_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://localhost:{port}"
    try:
        wait_until_serving(base + "/robots.txt", process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="session")
def chromium():
    """Checked before the portal is built, so a missing browser costs no time."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python is not installed")
    if not CHROMIUM.exists():
        missing(f"Chromium is not installed at {CHROMIUM}")
    return sync_playwright


@pytest.fixture(scope="module")
def browser(chromium):
    with chromium() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_page(browser, portal, javascript=True, bypass_csp=False):
    """A tab with its own cookies; `bypass_csp` lets a test inject a tool such as axe-core into the page."""
    context = browser.new_context(
        base_url=portal, java_script_enabled=javascript, locale="zh-CN", bypass_csp=bypass_csp
    )
    context.set_default_timeout(15_000)
    return context.new_page()


@pytest.fixture
def page(browser, portal):
    """A fresh browser tab (its own cookies) with JavaScript on."""
    tab = new_page(browser, portal)
    yield tab
    tab.context.close()


@pytest.fixture
def page_without_js(browser, portal):
    tab = new_page(browser, portal, javascript=False)
    yield tab
    tab.context.close()


@pytest.fixture
def screenshot():
    """Save the page as screenshots/<name>.png for a person to review."""

    def save(tab, name):
        SCREENSHOTS.mkdir(exist_ok=True)
        tab.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    return save


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        missing(f"axe-core is not installed at {AXE}")
    return AXE


def pytest_terminal_summary(terminalreporter, config):
    """The site walk's counts in every run's output, passed or failed (pytest shows captured output of failures only)."""
    lines = config.stash.get(SITE_WALK_SUMMARY, None)
    if lines:
        terminalreporter.section("site walk")
        for line in lines:
            terminalreporter.write_line(line)
