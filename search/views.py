"""The site search page (/search/ and per language)."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale
from wagtail.search.utils import normalise_query_string

from portal.listing import PAGE_SIZE
from portal.ratelimit import client_address

from . import answers, vocabulary
from . import results as search_results
from .forms import MAX_QUERY_LENGTH, SearchForm
from .models import SearchLog
from .query import AnalysedQuery


def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        fields = "、".join(str(form.fields[name].label) for name in form.errors)
        context = {"form": form, "query": "", "notice": f"筛选条件“{fields}”无法识别，请重新选择。"}
        return render(request, "search/search.html", context, status=400)
    text = form.cleaned_data["q"]
    if text and not form.cleaned_data["exact"]:
        query = AnalysedQuery.understood(text, vocabulary.for_locale(Locale.get_active()))
    else:
        query = AnalysedQuery.of(text)
    context = {"form": form, "query": query.text, "analysed": query, "notice": notice(form, query)}
    if query.text and not context["notice"]:
        context.update(answer(request, form, query))
    return render(request, "search/search.html", context)


def notice(form, query):
    if form.too_long:
        return f"搜索词过长，请缩短到 {MAX_QUERY_LENGTH} 个字以内。"
    if form.data.get("q", "").strip() and not query.words:
        return "搜索词中没有可查找的文字，请输入中文、英文或数字。"
    return ""


def answer(request, form, query):
    """Results, facets and promotions for a valid query (an `AnalysedQuery`, analysed once here and read by
    everything below); the first screen of a new search is logged."""
    locale = Locale.get_active()
    hits = search_results.rank(query, locale)
    labels = search_results.Labels(locale)
    chosen = form.facet_choices()
    shown = search_results.narrow(hits, labels, chosen)
    if form.cleaned_data["sort"] == "date":
        shown = search_results.by_date(shown)
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    first_screen = request.GET.get("page", "1") in ("", "1") and not any(chosen.values())
    if first_screen:
        log(request, query, len(hits))
    found = answers.answer(query, hits) if first_screen else None
    return {
        "searched": True,
        "answer": found,
        "letters": search_results.letters(query, locale) if first_screen else [],
        "letter_form": answers.letter_form(locale) if found is not None and not found.found else None,
        "results": page,
        "items": search_results.describe(page.object_list, labels, query),
        "facets": search_results.facets(hits, labels),
        "chosen": chosen,
        "total": len(hits),
        "capped": len(hits) == search_results.MAX_RESULTS,
        "promotions": promotions(query) if first_screen else [],
    }


def log(request, query, count):
    SearchLog.objects.create(query=query.text[:100], language=get_language(), results=count, client=reader(request))
    Query.get(query.folded).add_hit()


def reader(request):
    """Who searched, as a keyed hash of the address: 热门搜索 counts readers, and the log keeps no address."""
    return salted_hmac("search.reader", client_address(request)).hexdigest()[:16]


def promotions(query):
    """Editors' picks (搜索推荐) for the query as typed or folded to Simplified."""
    strings = {normalise_query_string(query.text), normalise_query_string(query.folded)}
    return (
        SearchPromotion.objects.filter(query__query_string__in=strings)
        .filter(Q(page__isnull=True) | Q(page__live=True))
        .select_related("page")
        .order_by("sort_order")
    )
