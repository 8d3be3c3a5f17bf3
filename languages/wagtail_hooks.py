"""Mirroring new pages: wagtail-localize aliases a page an editor adds in zh-hans into zh-hant at once; a page
published as it is created has been converted already (`synchronised.translate_mirrors`, on page_published), so
it gets no alias beside its translation."""

from wagtail import hooks
from wagtail_localize import synctree

from .synchronised import synchronised_locales

# wagtail-localize's own hook would add a second page with the same translation key (an IntegrityError).
hooks._hooks["after_create_page"] = [
    (fn, order) for fn, order in hooks._hooks.get("after_create_page", []) if fn is not synctree.after_create_page
]


@hooks.register("after_create_page")
def mirror_new_page(request, page):
    """Alias the new page into each synchronised locale where it has no translation yet."""
    for locale in synchronised_locales(page.locale_id):
        if not page.has_translation(locale):
            page.copy_for_translation(locale, copy_parents=True, alias=True)
