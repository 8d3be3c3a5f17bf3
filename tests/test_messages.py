"""Every reader-facing string of the templates and code is translated into 繁體 and English: a string someone
adds or changes and leaves untranslated (or fuzzily matched by makemessages) shows Simplified to every reader."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["zh_Hant", "en"]


def catalog(language, root=ROOT):
    return polib.pofile(str(root / "locale" / language / "LC_MESSAGES" / "django.po"))


def untranslated(entry):
    if entry.msgid_plural:
        return not all(entry.msgstr_plural.values())
    return not entry.msgstr


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_has_a_translation_and_none_is_a_guess(language):
    entries = [entry for entry in catalog(language) if not entry.obsolete]
    assert not [entry.msgid for entry in entries if entry.fuzzy]
    assert not [entry.msgid for entry in entries if untranslated(entry)]


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="makemessages needs GNU gettext")
def test_the_catalogs_hold_every_string_of_the_code(tmp_path):
    """makemessages over a copy of the project finds no string the committed catalogs lack."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "node_modules", "media", "*.sqlite3*"))
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *(f"-l{language}" for language in LANGUAGES), "--no-obsolete",
         "--ignore=bench", "--ignore=tests", "--ignore=.ci", "-v0"],
        cwd=copy, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    for language in LANGUAGES:
        committed = {entry.msgid for entry in catalog(language)}
        assert not [entry.msgid for entry in catalog(language, copy) if entry.msgid not in committed]
