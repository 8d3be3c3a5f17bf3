"""Refreshing pages in the nginx front cache (deploy/nginx): nginx's own cache has no purge, and Debian 12's
cache_purge module (libnginx-mod-http-cache-purge 2.3) crashes its worker on every PURGE request.

For each stale URL this sends a GET with `X-Refresh-Cache: 1` to the nginx in LOCATION, with the page's Host.
nginx accepts the header only from loopback (the `$jmportal_refresh` map), bypasses its cache for that request
and stores the fresh answer in place of the old one: a page, or the 404 of an unpublished page.
"""

import logging
from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger("wagtail.frontendcache")

REFRESH_HEADER = "X-Refresh-Cache"


class NginxRefreshBackend(HTTPBackend):
    def purge(self, url):
        parts = urlsplit(url)
        location = urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""])
        request = Request(location, headers={"Host": parts.netloc, REFRESH_HEADER: "1"})  # noqa: S310 - see below
        try:
            urlopen(request, timeout=10).close()  # noqa: S310 - the scheme comes from the configured LOCATION
        except HTTPError as error:
            if error.code not in (404, 410):  # an unpublished or moved page: nginx now keeps its 404
                logger.error("Couldn't refresh %s in the front cache: HTTP %d", url, error.code)
        except OSError as error:
            logger.error("Couldn't refresh %s in the front cache: %s", url, error)
