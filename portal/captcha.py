"""A captcha that needs no third-party service and no image: a small sum in Chinese numerals, read as text, so
screen readers and 适老模式 read it like any label.

The answer never leaves the server: the page carries a random token, and the answer waits under that token in
Django's cache (Redis in production, shared by every app server) for `MAX_AGE` seconds. A token is checked
once, right or wrong: the first check removes it, so a solved token cannot be replayed for more letters and a
wrong guess costs a new question.
"""

import secrets

from django.core.cache import cache

MAX_AGE = 30 * 60
NUMERALS = "零一二三四五六七八九十"


def key(token):
    return f"captcha:{token}"


def new_challenge():
    """(question, token) for a fresh sum such as “三加七等于几？”."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(10) + 1
    token = secrets.token_urlsafe(16)
    cache.set(key(token), a + b, MAX_AGE)
    return f"{NUMERALS[a]}加{NUMERALS[b]}等于几？", token


def is_correct(token, reply):
    """Whether `reply` answers the question `token` stands for; the token is used up either way."""
    if not isinstance(token, str) or not 0 < len(token) <= 64:
        return False
    answer = cache.get(key(token))
    # delete() is true for one caller only: of two posts racing with the same token, one may pass
    if answer is None or not cache.delete(key(token)):
        return False
    return (reply or "").strip() == str(answer)
