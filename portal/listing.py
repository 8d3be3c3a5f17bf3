"""Queries that list pages, shared by every index page and by self-updating blocks.

Listings stay at a constant number of SQL queries whatever the number of pages:
they fetch plain `Page` rows (title, URL path, dates) and never call `.specific` per item.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import get_language

from wagtail.models import Page, get_page_models

from . import layout_cache

PAGE_SIZE = 20


def content_types(test=lambda model: model.is_listed_content):
    """Content types of the page models that pass `test`: by default, content (articles, entries …), not columns."""
    models = [model for model in get_page_models() if hasattr(model, "is_listed_content") and test(model)]
    return ContentType.objects.get_for_models(*models, for_concrete_models=False).values() if models else []


def content_kind_choices():
    """(app_label.model, label) for each kind of content page, for editors choosing what a list shows."""
    return [("", "全部类型")] + [
        (model._meta.label_lower, model._meta.verbose_name)
        for model in get_page_models()
        if getattr(model, "is_listed_content", False)
    ]


def content_below(source, kind=""):
    """Live, public content pages anywhere below `source`, newest first, optionally of one kind (an
    app_label.model): what a “最新信息” block shows the start of and its list page shows whole."""
    kinds = content_types(lambda model: model.is_listed_content and (not kind or model._meta.label_lower == kind))
    return (
        Page.objects.live()
        .public()
        .descendant_of(source)
        .filter(content_type__in=kinds)
        .order_by("-first_published_at", "-pk")
    )


def latest_content(source, count, kind=""):
    """The first `count` of `content_below` the column in the reader's language (`source` chosen on a zh-hans page
    lists the zh-hant column to a zh-hant reader); while that holds nothing yet, below `source` itself (templates
    mark what is not in the reader's language). Kept in the layout cache per language: only a change to the tree
    (a publication) changes the answer."""

    def newest():
        localized = source.localized
        items = list(content_below(localized, kind)[:count])
        if not items and localized.pk != source.pk:
            items = list(content_below(source, kind)[:count])
        return items

    return layout_cache.cached(f"latest:{source.pk}:{get_language()}:{count}:{kind}", newest)


def paginate(request, queryset, per_page=PAGE_SIZE):
    """One page of results; a missing, malformed or out-of-range ?page= gives the nearest valid page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


class KeptCountPaginator(Paginator):
    """A paginator over pages whose total is kept in the layout cache until the tree next changes: counting
    100,000 disclosure entries takes longer than fetching and showing twenty of them."""

    @cached_property
    def count(self):
        try:
            sql = str(self.object_list.query)
        except EmptyResultSet:
            return 0
        digest = hashlib.sha256(sql.encode()).hexdigest()
        return layout_cache.cached(f"count:{digest}", lambda: Paginator.count.func(self))


def filtered_page(form, apply, page_number, per_page=PAGE_SIZE):
    """(page, problem) for a reader's filter form: `apply(cleaned_data)` gives the queryset to paginate.

    Bad filters or a page out of range never raise: the page is None and `problem` says what went wrong.
    """
    if not form.is_valid():
        fields = "、".join(str(form.fields[name].label) for name in form.errors)
        return None, f"筛选条件“{fields}”无法识别，请重新选择。"
    paginator = KeptCountPaginator(apply(form.cleaned_data), per_page)
    if not page_number.isdigit() or not 1 <= int(page_number) <= max(paginator.num_pages, 1):
        return None, "没有这一页。"
    return paginator.page(int(page_number)), ""
