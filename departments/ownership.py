"""Which department holds a page: the one place that reads it from the page tree.

A department's branch is every page whose tree path starts with its `DepartmentPage`'s path. One page at a time,
ask `department_of` (one query) or `owning_department` (no query, from ancestors already fetched); for many pages,
build one `Departments` (one query) and ask it per page.
"""

from wagtail.models import Locale

from .models import DepartmentPage


class Departments:
    """Department pages keyed by tree path, answering which of them holds a page, with its name and code."""

    def __init__(self, departments):
        self.pages = list(departments)
        self._by_path = {department.path: department for department in self.pages}
        self._lengths = sorted({len(path) for path in self._by_path}, reverse=True)

    @classmethod
    def of_locale(cls, locale=None, *, live=False):
        """The departments of `locale` (default: the portal's language) in tree order."""
        departments = DepartmentPage.objects.filter(locale=locale or Locale.get_default())
        if live:
            departments = departments.live()
        return cls(departments.order_by("path").only("title", "code", "path", "locale_id"))

    def __iter__(self):
        return iter(self.pages)

    def __len__(self):
        return len(self.pages)

    def holding(self, page_or_path):
        """The department whose branch holds a page (or a tree path), or None (a central page)."""
        path = getattr(page_or_path, "path", page_or_path)
        for length in self._lengths:
            if department := self._by_path.get(path[:length]):
                return department
        return None

    def name_of(self, page, default=""):
        department = self.holding(page)
        return department.title if department else default

    def code_of(self, page):
        department = self.holding(page)
        return department.code if department else ""

    def label(self, pages):
        """Sets `page.publisher` to the name of the department holding each page ("" for central pages)."""
        for page in pages:
            page.publisher = self.name_of(page)


def department_of(page):
    """The department whose branch holds `page` (the page itself when it is one), or None; one query."""
    return DepartmentPage.objects.ancestor_of(page, inclusive=True).order_by("-depth").first()


def owning_department(ancestors):
    """The department among a page's ancestors, already fetched (or None)."""
    departments = [page for page in ancestors if issubclass(page.specific_class, DepartmentPage)]
    return departments[-1] if departments else None


def portal_departments(page):
    """(home, departments): the home page of `page`'s tree and its live departments in tree order, as filters need them."""
    home = page.get_ancestors().filter(depth=2).first() or page
    return home, DepartmentPage.objects.live().descendant_of(home).order_by("path").only("title", "code", "path")
