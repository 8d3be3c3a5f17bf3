"""Wagtail API v2: read-only JSON of published pages, for the mobile app and mini-programs."""

from django.db import DatabaseError, connection

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet


class PortalPagesAPIViewSet(PagesAPIViewSet):
    def listing_view(self, request):
        """A search the engine cannot parse is the caller's mistake (400), not a server error; an unreachable
        database stays a DatabaseError, which the error handler answers with 503."""
        try:
            return super().listing_view(request)
        except (DatabaseError, ValueError) as error:  # PostgreSQL's driver refuses NUL characters with ValueError
            if isinstance(error, DatabaseError) and not database_reachable():
                raise
            raise BadRequestError("无法识别的搜索词。") from error


def database_reachable():
    """Whether the database answers; inside a transaction (tests) a failed query forbids asking, so an open
    connection counts."""
    try:
        connection.ensure_connection()
    except DatabaseError:
        return False
    return connection.in_atomic_block or connection.is_usable()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
