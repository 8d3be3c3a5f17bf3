"""A short extract of a result's text around the reader's words, with those words marked."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.text import fold

WIDTH = 120


def fold_in_place(text):
    """`text` folded keeping its length, so positions match the original: at once when folding keeps every
    character's place (nearly always), else character by character."""
    if len(folded := fold(text)) == len(text):
        return folded
    return "".join(folded if len(folded := fold(char)) == 1 else char for char in text)


def highlight(text, words, width=WIDTH):
    """HTML: about `width` characters of `text` starting near the first of `words`, each of them in <mark>."""
    text = " ".join(text.split())
    folded = fold_in_place(text)
    words = sorted({word for word in words if word}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(word) for word in words)) if words else None
    first = pattern.search(folded) if pattern else None
    start = max(0, first.start() - width // 4) if first else 0
    end = min(len(text), start + width)
    parts, position = [], start
    for match in pattern.finditer(folded, start, end) if pattern else ():
        parts += [escape(text[position : match.start()]), f"<mark>{escape(text[match.start() : match.end()])}</mark>"]
        position = match.end()
    parts.append(escape(text[position:end]))
    return mark_safe(("…" if start else "") + "".join(parts) + ("…" if end < len(text) else ""))  # noqa: S308 - escaped above
