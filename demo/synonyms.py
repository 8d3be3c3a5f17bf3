"""The demo's 同义词: the ways citizens ask for the demo's services (demo/data/synonyms.json)."""

from search.models import Synonym

from . import content


def load_synonyms(log=print):
    """Adds the demo's synonym groups that are missing; a group an editor changed is left as it is."""
    added = 0
    for group in content.read("synonyms.json"):
        _, created = Synonym.objects.get_or_create(
            term=group["term"], defaults={"variants": "\n".join(group["variants"]), "note": "演示数据"}
        )
        added += created
    if added:
        log(f"同义词：新建 {added} 组")
    return added
