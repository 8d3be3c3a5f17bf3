"""Traditional characters for zh-hant readers, at render time: a page's own text comes translated through
wagtail-localize, but much of what a page shows is not page content (interface strings outside gettext, form
choices built from the database, taxonomy labels, department names, the footer, letters citizens wrote and the
replies staff gave). `convert_html` converts the human-readable parts of a rendered page: text between tags and
the attributes people read; it leaves URLs, form values, textareas (what a citizen typed stays as typed) and
anything marked `lang="zh-Hans"` (the switcher's 简体中文) alone.

Plain functions, no request: `templates.py` calls them for zh-hant requests.
"""

import re
from functools import cache
from pathlib import Path

from django.conf import settings

import opencc

VARIANTS = {"s2t", "s2hk", "s2tw"}  # OpenCC standard, Hong Kong, Taiwan usage

# Attributes a reader sees or hears; href, src, value, name, data-* are machine-read and stay as they are.
READ_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "content", "label"}
# Elements whose text is not converted: code, and what a reader typed into a form.
VERBATIM_ELEMENTS = {"script", "style", "textarea"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
TAG = re.compile(r"<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9-]*)")
ATTRIBUTE = re.compile(r"""(\s)([a-zA-Z][a-zA-Z0-9:_.-]*)(\s*=\s*)(?:"([^"]*)"|'([^']*)')""")
SIMPLIFIED_LANG = re.compile(r"""\slang\s*=\s*["']?zh-(?:hans|cn)""", re.IGNORECASE)
SEPARATOR = "\x1f"  # not a Han character: OpenCC passes it through and no phrase spans it


@cache
def kept_words():
    """Words OpenCC would convert wrongly (surnames, proper nouns): `data/kept.txt`, one a line, # comments.
    Reviewed by hand; the zh-hant crawl test allows exactly these."""
    path = Path(__file__).parent / "data" / "kept.txt"
    words = [line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return tuple(sorted({word for word in words if word}, key=len, reverse=True))


@cache
def converter(variant):
    if variant not in VARIANTS:
        raise ValueError(f"OpenCC variant must be one of {sorted(VARIANTS)}, not {variant!r}")
    return opencc.OpenCC(variant)


@cache
def _kept_pattern():
    words = kept_words()
    return re.compile("|".join(map(re.escape, words))) if words else None


def to_traditional(text, variant=None):
    """`text` in Traditional characters, but for the kept words; anything not Chinese is left as it is."""
    variant = variant or settings.TRADITIONAL_CHINESE_VARIANT
    pattern = _kept_pattern()
    if pattern is None or not pattern.search(text):
        return converter(variant).convert(text)
    parts, kept, start = [], [], 0
    for match in pattern.finditer(text):
        parts.append(text[start : match.start()])
        kept.append(match.group())
        start = match.end()
    parts.append(text[start:])
    converted = converter(variant).convert(SEPARATOR.join(parts)).split(SEPARATOR)
    if len(converted) != len(parts):  # a separator in the text itself: convert piece by piece
        converted = [converter(variant).convert(part) for part in parts]
    return "".join(piece for pair in zip(converted, [*kept, ""], strict=True) for piece in pair)


def readable_parts(html):
    """Split rendered HTML into tokens and say which of them (and which attribute values) a reader reads.

    Returns (tokens, slots): `tokens` a list of strings that join back into `html`; `slots` a list of
    (token index, start, end) spans holding readable text.
    """
    tokens = TOKENS.split(html)
    slots, skipping = [], []  # skipping: a stack of tag names whose content stays as it is
    for index, token in enumerate(tokens):
        if not token:
            continue
        if index % 2 == 0:  # text between tags
            if not skipping:
                slots.append((index, 0, len(token)))
        elif skipping:
            _follow_skipped(token, skipping)
        else:
            slots.extend(_read_tag(index, token, skipping))
    return tokens, slots


def _follow_skipped(token, skipping):
    """Inside an element left as it is: count nested elements of its name until it closes."""
    tag = TAG.match(token)
    if tag is None or tag.group(2).lower() != skipping[-1]:
        return
    if tag.group(1):
        skipping.pop()
    elif not token.rstrip().endswith("/>"):
        skipping.append(skipping[-1])


def _read_tag(index, token, skipping):
    """The readable attribute values of a start tag; an element to leave alone goes on `skipping`."""
    tag = TAG.match(token)
    if tag is None or tag.group(1):  # a comment, a doctype, an end tag
        return []
    name = tag.group(2).lower()
    simplified = SIMPLIFIED_LANG.search(token) is not None
    if name in VERBATIM_ELEMENTS or simplified:
        if not (name in VOID_ELEMENTS or token.rstrip().endswith("/>")):
            skipping.append(name)
        if simplified:
            return []
    slots = []
    for attribute in ATTRIBUTE.finditer(token):
        if attribute.group(2).lower() in READ_ATTRIBUTES:
            group = 4 if attribute.group(4) is not None else 5
            slots.append((index, attribute.start(group), attribute.end(group)))
    return slots


def convert_html(html, variant=None):
    """Rendered HTML (or plain text) with every readable part in Traditional characters."""
    tokens, slots = readable_parts(html)
    pieces = [tokens[index][start:end] for index, start, end in slots]
    if not any(pieces):
        return html
    joined = to_traditional(SEPARATOR.join(pieces), variant).split(SEPARATOR)
    converted = joined if len(joined) == len(pieces) else [to_traditional(piece, variant) for piece in pieces]
    for (index, start, end), new in sorted(zip(slots, converted, strict=True), reverse=True):
        token = tokens[index]
        tokens[index] = token[:start] + new + token[end:]
    return "".join(tokens)


def simplified_characters(text, variant=None):
    """The characters of `text` that OpenCC would change, outside the kept words (the crawl test's measure)."""
    pattern = _kept_pattern()
    if pattern is not None:
        text = pattern.sub(SEPARATOR, text)
    converted = converter(variant or settings.TRADITIONAL_CHINESE_VARIANT).convert(text)
    if len(converted) != len(text):
        return sorted({char for char in text if converter(variant or "s2hk").convert(char) != char})
    return sorted({before for before, after in zip(text, converted, strict=True) if before != after})
