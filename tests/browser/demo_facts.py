"""Run inside the served portal's environment by `manage.py shell -c` (see test_site_walk.py); prints one JSON object.

`pages`: every live public page of every locale with the addresses a reader can open it at, one per Site that
serves it (a department's pages answer on the portal and on the department's own hostname), as "host path".
`rateable`: the tracking code and phone suffix of each demo case whose writer may rate the reply now.
"""

import json
from urllib.parse import urlsplit

from django.test import RequestFactory

from wagtail.models import Page, Site

from interaction.models import Case
from interaction.workflow import applies

readers = [RequestFactory().get("/", HTTP_HOST=f"{site.hostname}:{site.port}") for site in Site.objects.all()]


def addresses(page):
    found = set()
    for request in readers:
        parts = page.get_url_parts(request)
        if parts is not None:
            found.add(f"{urlsplit(parts[1]).hostname} {parts[2]}")
    return sorted(found)


pages = [
    {"id": page.pk, "locale": page.locale.language_code, "title": page.title, "addresses": addresses(page)}
    for page in Page.objects.live().public().filter(depth__gt=1).select_related("locale").order_by("path")
]
rateable = [
    {"code": case.tracking_code, "phone_suffix": case.phone[-4:]}
    for case in Case.objects.order_by("pk")
    if applies("rate", case)
]
print(json.dumps({"pages": pages, "rateable": rateable}, ensure_ascii=False))
