"""Benchmark: reader-facing pages over HTTP at city scale on PostgreSQL — gunicorn alone (uncached), through the
nginx front cache, and nginx serving a saved copy of the same HTML as a file (the physical limit), in one run.

Builds (or reuses) the bench database: the demo portal, 100,000 disclosure entries, 61 departments with 315
service items and 728 procedures, 5,000 news articles. Starts gunicorn (2 sync workers) and nginx
(bench/nginx.conf, which includes deploy/nginx/jmportal-cache.conf) on loopback, measures each page with wrk
(several runs, medians), the seconds from publishing an entry to its appearance through the cache, in-process
p50/p95 of catalog filtering and search, and the time and peak memory of `load_demo` and of the service-item
import. Writes bench/results/latest.md and latest.json. It never asserts a timing.

    make bench     # or: .venv/bin/python bench/web.py [--runs 3] [--seconds 5]
Needs nginx and wrk (Debian packages), PostgreSQL and Redis on loopback.
"""

import argparse
import getpass
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

import catalog
import report

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_REDIS = "redis://127.0.0.1:6379/5"
APP_PORT, CACHE_PORT = 18471, 18472
HOST = "localhost"  # the default site's hostname: the key the purge names
SCALE = {"entries": 100_000, "news": 5_000, "departments": 61, "items": 315, "procedures": 728}
PAGES = {
    "home": "/",
    "channel": "/citizen/",
    "department": "/departments/mzj/",
    "scenario guide (answers)": "/services/scenarios/marriage/?identity=one_overseas&photo=no",
    "disclosure catalog (filtered)": "/disclosure/catalog/?topic=civil&year=2024",
    "disclosure entry": None,  # a generated entry, found once the data exist
    "search": "/search/?" + urlencode({"q": "婚姻登记"}),
}
SEARCHES = {"婚姻登记": {"q": "婚姻登记"}, "低保标准": {"q": "低保标准"}, "不动产": {"q": "不动产登记"}}
LATER = datetime(2030, 1, 1).astimezone()  # generated entries are dated up to the end of 2026
TARGETS = {"home": 60, "other": 50, "cache_share": 0.5, "publish_s": 5, "catalog_p95": 100, "search_p95": 200}


def environment(database_url, redis_url, work):
    """The environment of gunicorn and of this process: production settings, purges sent to the bench nginx."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jmportal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "localhost,127.0.0.1,.localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "600",
        "REDIS_URL": redis_url,
        "FRONT_CACHE_PURGE_URL": f"http://127.0.0.1:{CACHE_PORT}",
        "STATIC_ROOT": str(work / "collected-static"),
        "MEDIA_ROOT": str(work / "media"),
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def demo_env(env):
    """The demo loader is installed in the development settings only; it writes to the bench database all the same."""
    return {**env, "DJANGO_SETTINGS_MODULE": "jmportal.settings.dev", "DEBUG": "0"}


def measured(command, env):
    """(seconds, peak resident memory in MB) of a command run in its own process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise RuntimeError(f"{command} failed")
    return round(time.perf_counter() - started, 1), round(usage.ru_maxrss / 1024)


def build(env, work):
    """Fill the bench database up to SCALE (what is there already is kept), before any front cache runs."""
    from departments.models import ArticlePage, DepartmentPage
    from disclosure.models import DisclosureEntryPage

    env = without_front_cache(env)
    manage(env, "migrate", "--noinput")
    manage(demo_env(env), "load_demo")
    if (missing := SCALE["entries"] - DisclosureEntryPage.objects.count()) > 0:
        manage(env, "generate_disclosure_entries", str(missing))
    if not DepartmentPage.objects.filter(slug="generated-1").exists():
        items = work / "items.json"
        manage(env, "generate_service_items", str(items), "--onboard", "--departments", str(SCALE["departments"]))
        manage(env, "import_service_items", str(items))
    if (missing := SCALE["news"] - ArticlePage.objects.filter(slug__startswith="generated-").count()) > 0:
        manage(env, "generate_news_articles", str(missing))
    catalog.index_missing()
    manage(env, "collectstatic", "--noinput")
    entry = DisclosureEntryPage.objects.live().filter(slug__startswith="bulk-").order_by("path").first()
    PAGES["disclosure entry"] = portal_path(entry)


def without_front_cache(env):
    """Loading data publishes thousands of pages: nothing to refresh while no nginx runs."""
    return {key: value for key, value in env.items() if key != "FRONT_CACHE_PURGE_URL"}


def portal_path(page):
    """The page's path on the portal's default site (HOST), even when a department's own site serves it too."""
    from wagtail.models import Site

    root = Site.objects.get(is_default_site=True).root_page
    return "/" + page.url_path.removeprefix(root.url_path)


def start_servers(env, work):
    from django.core.cache import cache

    cache.clear()  # the bench's own Redis database: nothing cached from another database or an earlier build
    (work / "static").mkdir(exist_ok=True)
    config = (ROOT / "bench" / "nginx.conf").read_text(encoding="utf-8")
    values = {"WORK": work, "ROOT": ROOT, "APP_PORT": APP_PORT, "CACHE_PORT": CACHE_PORT, "USER": getpass.getuser()}
    for name, value in values.items():
        config = config.replace(f"@{name}@", str(value))
    (work / "nginx.conf").write_text(config, encoding="utf-8")
    gunicorn = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "jmportal.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{APP_PORT}"],
        cwd=ROOT,
        env=env,
        stderr=open(work / "gunicorn.log", "w"),  # noqa: SIM115 - open for the server's life
    )
    nginx = subprocess.Popen(["nginx", "-c", str(work / "nginx.conf"), "-p", str(work)], cwd=work)
    for _ in range(100):
        try:
            fetch(APP_PORT, "/")
            fetch(CACHE_PORT, "/")
            return [gunicorn, nginx]
        except OSError:
            time.sleep(0.3)
    stop([gunicorn, nginx])
    raise RuntimeError("gunicorn or nginx did not start: see " + str(work))


def stop(servers):
    for server in servers:
        server.terminate()
        server.wait()


def fetch(port, path):
    """(body, X-Cache-Status) of a GET on loopback with the site's Host header."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": HOST})
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 - loopback only
        return response.read().decode(), response.headers.get("X-Cache-Status", "")


def wrk(url, seconds, connections=16):
    """requests/s, p50 and p99 in ms of one wrk run (2 threads, keep-alive connections)."""
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        "-H",
        f"Host: {HOST}",
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)[.0]*%\s+([\d.]+\w+)\s*$", output, re.MULTILINE))
    if "50" not in latency or "99" not in latency:
        raise RuntimeError(f"wrk printed no latency for {url}:\n{output}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": milliseconds(latency["50"]),
        "p99_ms": milliseconds(latency["99"]),
    }


def milliseconds(text):
    number, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return round(float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit], 2)


def median_of(runs):
    return {key: round(statistics.median(run[key] for run in runs), 2) for key in runs[0]}


def measure_pages(work, runs, seconds):
    figures = {}
    for label, path in PAGES.items():
        name = re.sub(r"\W+", "-", label).strip("-") + ".html"
        (work / "static" / name).write_text(fetch(APP_PORT, path)[0], encoding="utf-8")
        fetch(CACHE_PORT, path)  # fill the cache
        targets = {
            "uncached": f"http://127.0.0.1:{APP_PORT}{path}",
            "cached": f"http://127.0.0.1:{CACHE_PORT}{path}",
            "static": f"http://127.0.0.1:{CACHE_PORT}/bench-static/{name}",
        }
        figures[label] = {"path": path, "cache_status": fetch(CACHE_PORT, path)[1]}
        for mode, url in targets.items():
            # gunicorn's 2 sync workers get 2 connections: more would only queue requests they answer after wrk left
            connections = 2 if mode == "uncached" else 16
            figures[label][mode] = median_of([wrk(url, seconds, connections) for _ in range(runs)])
        figures[label]["cached_share_of_static"] = round(
            figures[label]["cached"]["rps"] / figures[label]["static"]["rps"], 3
        )
        print(label, json.dumps(figures[label], ensure_ascii=False), flush=True)
    return figures


def publish_to_visible(rounds=3):
    """Seconds from publishing an entry to its title showing in its catalog's page through the front cache."""
    from disclosure.models import DisclosureCatalogPage, DisclosureEntryPage

    catalog_page = DisclosureCatalogPage.objects.live().filter(url_path__contains="/departments/mzj/").first()
    path = portal_path(catalog_page)
    seconds = []
    for number in range(rounds):
        while fetch(CACHE_PORT, path)[1] != "HIT":
            time.sleep(0.05)
        title = f"发布可见测试 {datetime.now():%H%M%S} {number}"
        started = time.perf_counter()
        entry = DisclosureEntryPage(title=title, slug=f"visible-{secrets.token_hex(4)}", first_published_at=LATER)
        catalog_page.add_child(instance=entry)  # dated after every generated entry, so it heads the catalog's list
        entry.save_revision().publish()
        while title not in fetch(CACHE_PORT, path)[0]:
            if time.perf_counter() - started > 60:
                break
            time.sleep(0.05)
        seconds.append(round(time.perf_counter() - started, 2))
    return {"median_s": statistics.median(seconds), "runs_s": seconds, "page": path}


def in_process(rounds):
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    return {
        "catalog": catalog.measure(rounds),
        "search": {label: catalog.percentiles(client, "/search/", query, rounds) for label, query in SEARCHES.items()},
    }


def cpu_per_request(rounds):
    """CPU milliseconds this process spends per page (median of `rounds`), Django and the database client only:
    unlike requests/s it hardly moves with other programs' load. 2 workers on 2 idle cores serve at most about
    2000 / (this + the database's own time) requests/s."""
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    figures = {}
    for label, path in PAGES.items():
        client.get(path)
        times = []
        for _ in range(rounds):
            started = time.process_time()
            client.get(path)
            times.append((time.process_time() - started) * 1000)
        figures[label] = round(statistics.median(times), 1)
    return figures


def costs(env, database_url):
    """Time and peak memory of load_demo into an empty database, and of the service-item import benchmark."""
    demo_url = database_url.rsplit("/", 1)[0] + "/" + database_url.rsplit("/", 1)[1] + "_demo"
    drop_database(demo_url)
    catalog.create_database(demo_url)
    empty = demo_env({**without_front_cache(env), "DATABASE_URL": demo_url})
    manage(empty, "migrate", "--noinput")
    load_seconds, load_mb = measured([PYTHON, "manage.py", "load_demo"], empty)
    import_seconds, import_mb = measured([PYTHON, "bench/service_import.py"], {**os.environ})
    imported = json.loads((report.RESULTS / "service_import.json").read_text(encoding="utf-8"))
    return {
        "load_demo": {"seconds": load_seconds, "peak_mb": load_mb},
        "service_import": {"script_seconds": import_seconds, "peak_mb": import_mb, "runs": imported.get("runs")},
    }


def drop_database(url):
    import psycopg2
    from dj_database_url import parse

    config = parse(url)
    admin = psycopg2.connect(dbname="postgres", user=config["USER"], host=config["HOST"], port=config["PORT"])
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}"')
    admin.close()


def load_average():
    return os.getloadavg()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=20, help="in-process requests per catalog filter or search")
    parser.add_argument("--entries", type=int, default=SCALE["entries"], help="fewer for a quick trial")
    parser.add_argument("--news", type=int, default=SCALE["news"], help="fewer for a quick trial")
    parser.add_argument("--no-costs", action="store_true", help="skip timing load_demo and the service-item import")
    parser.add_argument("--build-only", action="store_true", help="fill the bench database, measure nothing")
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", catalog.DEFAULT_DATABASE))
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS))
    options = parser.parse_args()
    SCALE.update(entries=options.entries, news=options.news)
    work = Path(tempfile.mkdtemp(prefix="jmportal-bench-"))
    env = environment(options.database, options.redis, work)
    os.environ.update({key: env[key] for key in ("REDIS_URL", "FRONT_CACHE_PURGE_URL")})
    catalog.setup(options.database)
    build(env, work)
    if options.build_only:
        return
    servers = start_servers(env, work)
    try:
        load_before = load_average()
        pages = measure_pages(work, options.runs, options.seconds)
        visible = publish_to_visible()
        load_after = load_average()
    finally:
        stop(servers)
    result = {
        "benchmark": "pages over HTTP, front cache, static limit",
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cores, load average {load_before:.1f} before and {load_after:.1f} after the HTTP runs",
        "wrk": f"2 threads, keep-alive, 2 connections uncached and 16 cached or static, {options.seconds} s, "
        f"median of {options.runs} runs",
        "scale": SCALE,
        "targets": TARGETS,
        "pages": pages,
        "publish_to_visible": visible,
        "in_process": in_process(options.rounds),
        "cpu_ms_per_request": cpu_per_request(options.rounds),
        "costs": None if options.no_costs else costs(env, options.database),
    }
    shutil.rmtree(work, ignore_errors=True)
    write(result)


def write(result):
    report.save("latest", result, report.markdown(result))


if __name__ == "__main__":
    main()
