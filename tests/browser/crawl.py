"""A plain-HTTP walk of the served portal: every page a reader can reach from the start pages, every asset it uses.

Requests go to 127.0.0.1 on the server's port with the site's own Host header, so a department's hostname such as
`mzj.localhost` works without a resolver. Links to other hosts are listed, never fetched. Listing pagination and
query-string variants are sampled: one `?page=` per listing, a few query strings per path.
"""

import http.client
import re
import time
from collections import Counter, defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

LOCAL_HOSTS = ("localhost", "127.0.0.1")
LOCALE_PREFIXES = ("zh-hant", "en")
QUERY_VARIANTS_PER_PATH = 3
REDIRECTS = {301, 302, 303, 307, 308}
NOT_CRAWLED_INTO = ("/admin/", "/django-admin/")  # the editors' side: its login page must answer, nothing more
ASSET_TAGS = {"img": ("src", "srcset"), "source": ("src", "srcset"), "script": ("src",), "iframe": ("src",)}
URL_SAFE = "/?&=%:;,+@!$'()*~"
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


def is_local(host):
    return host in LOCAL_HOSTS or host.endswith(".localhost")


def locale_of(path):
    first = path.strip("/").split("/", 1)[0]
    return first if first in LOCALE_PREFIXES else "zh-hans"


@dataclass
class Form:
    """One `<form>` as a reader meets it: the page it is on, where it goes, and the fields it asks for."""

    page: str
    action: str
    method: str
    fields: dict = field(default_factory=dict)  # name -> input type ("text", "hidden", "select", "textarea", …)

    @property
    def path(self):
        return urlsplit(self.action).path


@dataclass
class Links:
    """What one HTML page points at."""

    pages: list = field(default_factory=list)
    assets: list = field(default_factory=list)
    forms: list = field(default_factory=list)


class PageParser(HTMLParser):
    """Collects links, assets and forms; URLs are left as written (resolved by the caller)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = Links()
        self.form = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "area") and attrs.get("href"):
            self.links.pages.append(attrs["href"])
        elif tag == "link" and attrs.get("href"):
            is_page = {"alternate", "canonical"} & set((attrs.get("rel") or "").split())
            (self.links.pages if is_page else self.links.assets).append(attrs["href"])
        elif tag in ASSET_TAGS:
            for name in ASSET_TAGS[tag]:
                self.links.assets.extend(candidates(name, attrs.get(name)))
        elif tag == "form":
            self.form = Form(page="", action=attrs.get("action") or "", method=(attrs.get("method") or "get").lower())
            self.links.forms.append(self.form)
        elif tag in ("input", "select", "textarea") and self.form is not None and attrs.get("name"):
            kind = attrs.get("type", "text") if tag == "input" else tag
            self.form.fields.setdefault(attrs["name"], kind)

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None


def candidates(attribute, value):
    """The URLs in a `src` (one) or `srcset` (comma-separated, each with a width)."""
    if not value:
        return []
    if attribute == "srcset":
        return [part.split()[0] for part in value.split(",") if part.strip()]
    return [value]


@dataclass
class Answer:
    status: int
    headers: list  # (name, value) pairs as the server sent them
    body: bytes

    def header(self, name):
        return next((value for key, value in self.headers if key.lower() == name.lower()), "")

    @property
    def is_html(self):
        return "text/html" in self.header("Content-Type")


@dataclass
class Walk:
    """Everything the crawl met, and what was wrong with it."""

    port: int
    pages: dict = field(default_factory=dict)  # url -> status of every HTML page reached (redirects followed)
    assets: dict = field(default_factory=dict)  # url -> status
    answers: dict = field(default_factory=dict)  # final url -> Answer of everything that answered 200, as sent
    forms: list = field(default_factory=list)
    external: set = field(default_factory=set)
    sampled_out: set = field(default_factory=set)  # query-string variants not fetched
    links_seen: int = 0
    problems: dict = field(default_factory=dict)  # url -> (reason, first page that points at it)
    seconds: float = 0.0

    def problem(self, url, reason, source):
        self.problems.setdefault(url, (reason, source))

    def html_pages(self):
        """Each page a reader reads once (redirects resolved, not the editors' login page), in crawl order."""
        return [url for url, answer in self.answers.items() if answer.is_html and not is_editor_side(url)]

    def counts(self):
        """Pages, links, assets and forms per site and locale, for the summary."""
        table = defaultdict(Counter)
        for url in self.html_pages():
            table[site_and_locale(url)]["pages"] += 1
        for url in self.assets:
            table[site_and_locale(url)]["assets"] += 1
        for form in self.forms:
            table[site_and_locale(form.page)]["forms"] += 1
        return table


def is_editor_side(url):
    return urlsplit(url).path.startswith(NOT_CRAWLED_INTO)


def site_and_locale(url):
    parts = urlsplit(url)
    return f"{parts.hostname} {locale_of(parts.path)}"


class Crawler:
    """Breadth-first from the start URLs, each URL fetched once; two fetches run ahead while a page is read."""

    def __init__(self, port, address="192.0.2.200"):
        self.walk = Walk(port=port)
        self.address = address  # as the proxy reports it (CLIENT_IP_HEADER), so no reader's rate limit is shared
        self.queue = deque()
        self.queued = set()
        self.variants = defaultdict(set)  # (host, path) -> query strings taken
        self.paginated = set()  # (host, path) whose one `?page=` variant is taken

    def run(self, start_urls):
        started = time.monotonic()
        for url in start_urls:
            self.enqueue(url, "page", "start")
        with ThreadPoolExecutor(max_workers=2) as fetcher:
            while self.queue:
                wave = list(self.queue)
                self.queue.clear()
                arrivals = fetcher.map(self.follow, [url for url, _, _ in wave])  # in order, fetched ahead
                for (url, kind, source), arrival in zip(wave, arrivals, strict=True):
                    self.visit(url, kind, source, *arrival)
        self.walk.seconds = time.monotonic() - started
        return self.walk

    def fetch(self, url, headers=None):
        """The server's answer to a GET of `url`, sent to 127.0.0.1 with the URL's own Host header."""
        parts = urlsplit(url)
        connection = http.client.HTTPConnection("127.0.0.1", self.walk.port, timeout=60)
        target = quote(urlunsplit(("", "", parts.path or "/", parts.query, "")), safe=URL_SAFE)  # as a browser sends it
        headers = {"Host": parts.netloc, "Accept-Language": "zh-CN", "X-Real-IP": self.address, **(headers or {})}
        try:
            connection.request("GET", target, headers=headers)
            response = connection.getresponse()
            return Answer(response.status, response.getheaders(), response.read())
        finally:
            connection.close()

    def follow(self, url, hops=5):
        """(answer, final url, why it went wrong) at the end of the redirects; no answer when a redirect leaves the
        portal or goes wrong. Runs in the fetching threads, so it only reads the walk."""
        for _ in range(hops):
            answer = self.fetch(url)
            if answer.status not in REDIRECTS:
                return answer, url, ""
            target = urljoin(url, answer.header("Location")).split("#")[0]
            if not self.is_internal(target):
                return None, target, ""
            if self.wrong_address(target):
                return None, target, f"redirects to {target}, {self.wrong_address(target)}"
            url = target
        return None, url, f"more than {hops} redirects"

    def visit(self, url, kind, source, answer, final, trouble):
        if trouble:
            self.walk.problem(url, trouble, source)
        if answer is None:
            if not trouble:
                self.walk.external.add(final)
            return
        is_page = kind == "page" and answer.is_html
        (self.walk.pages if is_page else self.walk.assets)[url] = answer.status
        if answer.status != 200:
            self.walk.problem(url, f"answers {answer.status}", source)
            return
        if final in self.walk.answers:
            return
        self.walk.answers[final] = answer
        if is_page and not is_editor_side(final):
            self.read_page(final, answer.body.decode("utf-8", "replace"))
        elif "text/css" in answer.header("Content-Type"):
            for href in CSS_URL.findall(answer.body.decode("utf-8", "replace")):
                self.point_at(final, href, "asset")

    def read_page(self, url, html):
        parser = PageParser()
        parser.feed(html)
        links = parser.links
        for href in links.pages:
            self.point_at(url, href, "page")
        for href in links.assets:
            self.point_at(url, href, "asset")
        for form in links.forms:
            form.page = url
            form.action = urljoin(url, form.action).split("#")[0]
            if self.wrong_address(form.action):
                self.walk.problem(form.action, f"form action {self.wrong_address(form.action)}", url)
            self.walk.forms.append(form)

    def point_at(self, source, href, kind):
        href = href.strip()
        if href.startswith(("mailto:", "tel:", "javascript:", "data:", "#")):
            return
        url = urljoin(source, href).split("#")[0]
        self.walk.links_seen += 1
        if not self.is_internal(url):
            self.walk.external.add(url)
            return
        if self.wrong_address(url):
            self.walk.problem(url, self.wrong_address(url), source)
            return
        self.enqueue(url, kind, source)

    def is_internal(self, url):
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and is_local(parts.hostname or "")

    def wrong_address(self, url):
        """Why a link to this portal would fail in a reader's browser (another port or scheme), or ''."""
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if parts.scheme != "http" or port != self.walk.port:
            return f"points to {parts.scheme}://…:{port}, not the served portal (port {self.walk.port})"
        return ""

    def enqueue(self, url, kind, source):
        if url in self.queued or not self.sampled(url):
            return
        self.queued.add(url)
        self.queue.append((url, kind, source))

    def sampled(self, url):
        """Take every path; of its query strings a few, and of its `?page=` variants one."""
        parts = urlsplit(url)
        if not parts.query:
            return True
        key = (parts.hostname, parts.path)
        taken = self.variants[key]
        if parts.query in taken:
            return True
        is_pagination = re.search(r"(^|&)page=", parts.query) is not None
        if len(taken) >= QUERY_VARIANTS_PER_PATH or (is_pagination and key in self.paginated):
            self.walk.sampled_out.add(url)
            return False
        taken.add(parts.query)
        if is_pagination:
            self.paginated.add(key)
        return True
