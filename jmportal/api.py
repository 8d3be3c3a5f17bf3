"""Wagtail API v2: read-only JSON of published pages, for the mobile app and mini-programs."""

from django.db import DatabaseError

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet


class PortalPagesAPIViewSet(PagesAPIViewSet):
    def listing_view(self, request):
        """A search the engine cannot parse is the caller's mistake (400), not a server error."""
        try:
            return super().listing_view(request)
        except (DatabaseError, ValueError) as error:  # PostgreSQL's driver refuses NUL characters with ValueError
            raise BadRequestError("无法识别的搜索词。") from error


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
