"""Wagtail's HTTP purge backend for nginx's cache_purge module, which answers 404 for a URL it had not cached."""

import logging
from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

logger = logging.getLogger("wagtail.frontendcache")


class NginxBackend(HTTPBackend):
    def purge(self, url):
        parts = urlsplit(url)
        location = urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""])
        request = PurgeRequest(url=location, headers={"Host": parts.netloc})
        try:
            urlopen(request, timeout=5)  # noqa: S310 - the scheme comes from the configured LOCATION
        except HTTPError as error:
            if error.code != 404:  # 404: nothing cached under that URL, which is fine
                logger.error("Couldn't purge %s from the front cache: HTTP %d", url, error.code)
        except OSError as error:
            logger.error("Couldn't purge %s from the front cache: %s", url, error)
