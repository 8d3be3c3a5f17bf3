"""Translating pages and snippets through wagtail-localize without the admin: the command, the publish hook and
the demo use these, so every translation is a wagtail-localize translation an editor can open and correct."""

from django.db.models import Exists, OuterRef

from wagtail.models import DraftStateMixin, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue


class Result:
    """What a run changed: objects translated for the first time, translations refreshed, unchanged ones."""

    def __init__(self):
        self.created, self.updated, self.unchanged = [], [], []

    def summary(self):
        return f"新建 {len(self.created)}，更新 {len(self.updated)}，无变化 {len(self.unchanged)}"


def translate(instance, locale, translator=None, *, refresh=True, result=None):
    """Translate `instance` (a page or a translatable snippet) into `locale`, and the snippets it uses first.

    Strings without a translation get one from `translator` (by default WAGTAILLOCALIZE_MACHINE_TRANSLATOR);
    strings an editor already translated are kept. An existing translation is left alone unless its source
    changed since the last run (with `refresh`); an alias page becomes a real translation. A page's
    translation is live when its source is.
    """
    translator = translator or get_machine_translator()
    result = result if result is not None else Result()
    if isinstance(instance, Page):
        instance = instance.specific
    existing = instance.get_translation_or_none(locale)
    is_alias = getattr(existing, "alias_of_id", None) is not None
    source, created = TranslationSource.get_or_create_from_instance(instance)
    changed = created or _refresh_source(source, instance)
    if existing is not None and not is_alias:
        managed = Translation.objects.filter(source=source, target_locale=locale, enabled=True).exists()
        if not (refresh and changed and managed):  # up to date, or made or taken over by hand
            if managed and getattr(instance, "live", False) and not existing.live:
                existing.get_latest_revision().publish()  # published again after an unpublication
                result.updated.append(existing)
            else:
                result.unchanged.append(existing)
            return existing
    for segment in source.relatedobjectsegment_set.select_related("object"):
        related = segment.object.get_instance(instance.locale)
        translate(related, locale, translator, refresh=False, result=result)
    translation, _ = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    fill_missing_strings(translation, translator)
    is_page = isinstance(instance, DraftStateMixin)
    translation.save_target(publish=not is_page)  # pages: a draft revision, published below when the source is live
    target = instance.get_translation(locale)
    if is_page and instance.live:
        target.get_latest_revision().publish()
    (result.created if existing is None or is_alias else result.updated).append(target)
    return target


def _refresh_source(source, instance):
    """Extract the object's content again if it changed since the last extraction; True when it did."""
    edited = getattr(instance, "latest_revision_created_at", None)
    if edited is not None and edited <= source.last_updated_at:
        return False
    before = source.content_json
    source.update_from_db()
    return source.content_json != before


def fill_missing_strings(translation, translator):
    """Give every string of `translation` that has none yet the translator's version; returns how many."""
    source, locale = translation.source, translation.target_locale
    if not translator.can_translate(source.locale, locale):
        return 0
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"), locale=locale, context_id=OuterRef("context_id")
    )
    missing = (
        StringSegment.objects.filter(source=source)
        .annotate(done=Exists(translated))
        .filter(done=False)
        .select_related("string")
    )
    by_value = {}
    for segment in missing:
        by_value.setdefault(segment.string.as_value(), []).append(segment)
    if not by_value:
        return 0
    translations = translator.translate(source.locale, locale, list(by_value))
    rows = [
        StringTranslation(
            translation_of_id=segment.string_id,
            locale=locale,
            context_id=segment.context_id,
            data=translations[value].data,
            translation_type=getattr(translator, "translation_type", StringTranslation.TRANSLATION_TYPE_MACHINE),
            tool_name=str(translator.display_name),
        )
        for value, segments in by_value.items()
        if isinstance(translations.get(value), StringValue)
        for segment in segments
    ]
    StringTranslation.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def translate_tree(root, locale, translator=None, *, refresh=True):
    """Translate `root` and every page below it into `locale`, parents before children."""
    return translate_pages(Page.objects.descendant_of(root, inclusive=True), locale, translator, refresh=refresh)


def translate_pages(pages, locale, translator=None, *, refresh=True):
    """Translate the source pages of a queryset (aliases are skipped: they become translations through theirs)."""
    result = Result()
    for page in pages.filter(alias_of__isnull=True).order_by("path"):
        translate(page, locale, translator, refresh=refresh, result=result)
    return result
