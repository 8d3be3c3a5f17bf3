"""Chinese text as search engines need it: folded to one form and cut into words.

The same functions run on every page's searchable text when it is indexed and on the reader's query, so
結婚登記, 结婚登记 and ｊｉａｎｇｍｅｎ meet the same words in the index whatever the backend. Folding is
NFKC (full-width → half-width), OpenCC Traditional → Simplified, and lower case; cutting is jieba's search
mode (a long word and its shorter dictionary words) with the project dictionary `data/jiangmen.txt`.
"""

import logging
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import jieba
import opencc

DICTIONARY = Path(__file__).parent / "data" / "jiangmen.txt"
WORD = re.compile(r"\w+")
# Spaces typed between Chinese characters ("结 婚登记"): jieba cuts the words again once they are gone.
SPACE_IN_CHINESE = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
# Words too common to say what a reader is looking for; dropped from queries (never from the index).
STOPWORDS = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "或",
        "在",
        "是",
        "我",
        "我们",
        "你",
        "怎么",
        "怎样",
        "如何",
        "什么",
        "哪里",
        "哪儿",
        "吗",
        "呢",
        "啊",
        "请问",
        "需要",
        "想",
        "要",
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "how",
        "what",
        "where",
        "is",
        "are",
        "do",
        "i",
        "my",
    ]
)
jieba.setLogLevel(logging.WARNING)


@cache
def _converter():
    return opencc.OpenCC("t2s")


@cache
def _tokenizer():
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(DICTIONARY))
    return tokenizer


def fold(text):
    """One form for every way of writing the same words: half-width, Simplified, lower case."""
    return _converter().convert(unicodedata.normalize("NFKC", text)).lower()


def words(text):
    """The words of `text`, folded and cut in jieba's search mode; punctuation and spaces dropped."""
    return [word for word in _tokenizer().cut_for_search(fold(text)) if WORD.fullmatch(word)]


@lru_cache(maxsize=256)
def segment(text):
    """`text` as space-separated words: what the index stores for every searchable field.

    Remembered for the last few texts: Wagtail's indexers read each field several times per page.
    """
    return " ".join(words(text))


def query_words(text, limit=24):
    """The distinct words of a reader's query, without stop words unless nothing else is left."""
    found = list(dict.fromkeys(words(SPACE_IN_CHINESE.sub("", fold(text)))))
    meaningful = [word for word in found if word not in STOPWORDS]
    return (meaningful or found)[:limit]


def core_words(words):
    """`words` without those jieba cuts into shorter words that are all among them too (婚姻登记 beside 婚姻 and
    登记): pages are cut the same way, so a page holding the longer word holds the shorter ones. (A word merely
    containing another, 江门 beside 门 or card beside car, stays.)"""
    present = set(words)

    def composed(word):
        parts = set(_tokenizer().cut_for_search(word)) - {word}
        return bool(parts) and parts <= present

    return [word for word in words if not composed(word)]
