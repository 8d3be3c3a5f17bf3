"""A captcha that needs no third-party service: a small sum in Chinese numerals, carried in a signed token.

The token (signed with SECRET_KEY, valid for `MAX_AGE` seconds) holds the answer, so no server state is
kept; tests read the answer back with `answer_of(token)`.
"""

import secrets

from django.core import signing

SALT = "portal.captcha"
MAX_AGE = 30 * 60
NUMERALS = "零一二三四五六七八九十"


def new_challenge():
    """(question, token) for a fresh sum such as “三加七等于几？”."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(10) + 1
    return f"{NUMERALS[a]}加{NUMERALS[b]}等于几？", signing.dumps({"answer": a + b}, salt=SALT)


def answer_of(token):
    """The answer a token carries, or None when it is forged or expired."""
    try:
        return signing.loads(token, salt=SALT, max_age=MAX_AGE)["answer"]
    except (signing.BadSignature, KeyError, TypeError):
        return None


def is_correct(token, reply):
    answer = answer_of(token)
    return answer is not None and (reply or "").strip() == str(answer)
