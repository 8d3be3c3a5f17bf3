"""Wagtail's Elasticsearch 9 backend for text that `portal.text` has already cut into words.

Indexed fields hold space-separated words (`SegmentedField`) and queries arrive segmented the same way
(`SegmentedQueries`), so the index's default analyzer only splits on spaces and lower-cases: Elasticsearch's
standard tokenizer would cut Chinese back into single characters. See docs/search.md.
"""

from wagtail.search.backends.elasticsearch9 import Elasticsearch9SearchBackend

from .query import SegmentedQueries

WORDS_ANALYZER = {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase", "asciifolding"]}


class SegmentedElasticsearchBackend(SegmentedQueries, Elasticsearch9SearchBackend):
    settings = {
        "settings": {
            **Elasticsearch9SearchBackend.settings["settings"],
            "analysis": {
                **Elasticsearch9SearchBackend.settings["settings"]["analysis"],
                "analyzer": {
                    **Elasticsearch9SearchBackend.settings["settings"]["analysis"]["analyzer"],
                    "default": WORDS_ANALYZER,
                },
            },
        }
    }


SearchBackend = SegmentedElasticsearchBackend
