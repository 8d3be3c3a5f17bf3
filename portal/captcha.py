"""A captcha that needs no third-party service and no image: a small sum in Chinese numerals, read as text, so
screen readers and 适老模式 read it like any label.

The answer never leaves the server in the clear: the page carries a signed token holding a random nonce and an
HMAC of nonce and answer (keyed by SECRET_KEY), valid for `MAX_AGE` seconds. A token is checked once, right or
wrong: each check is counted under its nonce in Django's cache (Redis in production, shared by every app server),
so a solved token cannot be replayed for more letters and a wrong guess costs a new question. While the cache is
down the count starts again every time (as rate limits then fail open): a token is then only checked for its
answer, and citizens can still write.
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import get_language

SALT = "portal.captcha"
MAX_AGE = 30 * 60
NUMERALS = "零一二三四五六七八九十"
ENGLISH_NUMERALS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def digest(nonce, answer):
    message = f"{nonce}:{answer}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def new_challenge():
    """(question, token) for a fresh sum such as “三加七等于几？”."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(10) + 1
    nonce = secrets.token_urlsafe(12)
    question = f"{NUMERALS[a]}加{NUMERALS[b]}等于几？"
    if (get_language() or "").startswith("en"):  # English readers get the sum in words they read
        question = f"What is {ENGLISH_NUMERALS[a]} plus {ENGLISH_NUMERALS[b]}?"
    return question, signing.dumps({"n": nonce, "d": digest(nonce, a + b)}, salt=SALT)


def is_correct(token, reply):
    """Whether `reply` answers the question `token` stands for; the token is used up either way."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        nonce, expected = data["n"], data["d"]
    except (signing.BadSignature, KeyError, TypeError):
        return False
    checks = f"captcha-checks:{nonce}"
    cache.add(checks, 0, MAX_AGE)
    if cache.incr(checks) != 1:  # atomic: of two posts racing with one token, one is first
        return False
    return hmac.compare_digest(expected, digest(nonce, (reply or "").strip()))
