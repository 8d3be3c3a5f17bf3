"""The body of a JSON request to the exchange APIs, read within a size limit and a nesting depth.

Anything a caller sends — too large, not UTF-8, nested a thousand levels deep — is refused with a status and a
sentence in JSON (`BodyError`), never a server error: Django's own limit would answer an HTML page, and a deep
enough nesting exhausts the JSON parser's recursion.
"""

import re

MAX_DEPTH = 32  # the exchange schemas nest six levels at most
TOKENS = re.compile(r'\\.|["\[\]{}]', re.DOTALL)  # escapes, quotes and brackets: all a depth count must see


class BodyError(ValueError):
    """A request body refused: `status` is the HTTP status to answer, the message says why."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


def megabytes(size):
    return f"{size / 1024 / 1024:g} MB"


def json_text(request, max_bytes):
    """The body as text, refused (413) above `max_bytes` and (400) when not UTF-8 or nested deeper than MAX_DEPTH.

    Reads the stream itself, so an endpoint may allow more than DATA_UPLOAD_MAX_MEMORY_SIZE."""
    too_large = BodyError(413, f"请求体超过 {megabytes(max_bytes)} 的上限，请分批推送。")
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if not declared.isdigit():
        raise BodyError(400, "Content-Length 不是有效的字节数。")
    if int(declared) > max_bytes:
        raise too_large
    body = request.read(max_bytes + 1)
    if len(body) > max_bytes:
        raise too_large
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BodyError(400, "请求体须为 UTF-8 编码的 JSON。") from None
    if nesting_depth(text) > MAX_DEPTH:
        raise BodyError(400, f"JSON 嵌套超过 {MAX_DEPTH} 层。")
    return text


def nesting_depth(text):
    """The deepest nesting of arrays and objects in JSON text, brackets inside strings not counted; linear time."""
    depth = deepest = 0
    in_string = False
    for token in TOKENS.finditer(text):
        mark = token.group()
        if mark == '"':
            in_string = not in_string
        elif in_string or len(mark) == 2:  # a bracket inside a string, or an escape
            continue
        elif mark in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest
