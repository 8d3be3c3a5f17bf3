"""Admin for the shared snippets of the portal."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Office


class OfficeViewSet(SnippetViewSet):
    model = Office
    icon = "site"
    menu_label = "办事地点"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "district", "address", "phone"]
    list_filter = ["district"]
    search_fields = ["name", "address"]


register_snippet(OfficeViewSet)
