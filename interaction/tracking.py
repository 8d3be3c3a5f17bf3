"""Tracking codes (查询码): random, unguessable, easy to read aloud over the phone.

Twelve characters from an alphabet without look-alikes (no 0/O, 1/I/L) give 60 random bits: with the
lookup also asking for the phone's last four digits and rate-limited per address, guessing is hopeless.
"""

import hmac
import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
GROUPS, GROUP_SIZE = 3, 4  # "JM" and three groups of four: JM-7K3Q-9XWD-2HFP


def new_code():
    groups = ["".join(secrets.choice(ALPHABET) for _ in range(GROUP_SIZE)) for _ in range(GROUPS)]
    return "-".join(["JM", *groups])


def normalise(text):
    """What the citizen typed, in the stored form: case, spaces and missing dashes forgiven."""
    compact = re.sub(r"[\s-]", "", text or "").upper()
    body = compact[2:]
    if not compact.startswith("JM") or len(body) != GROUPS * GROUP_SIZE or set(body) - set(ALPHABET):
        return ""
    return "-".join(["JM", *(body[i : i + GROUP_SIZE] for i in range(0, len(body), GROUP_SIZE))])


def phone_suffix_matches(phone, suffix):
    """Whether `suffix` is the last four digits of `phone`, compared in constant time."""
    return bool(phone) and hmac.compare_digest(phone[-4:], (suffix or "").strip())
