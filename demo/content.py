"""Turning the demo's JSON text into StreamField data: paragraphs, headings and links."""

import json
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.html import escape

from wagtail.documents import get_document_model

DATA_DIR = Path(__file__).resolve().parent / "data"


def text(name):
    return (DATA_DIR / name).read_text(encoding="utf-8")


def read(name):
    return json.loads(text(name))


def body(items):
    """A list of paragraph strings and {"heading": …} objects, as BodyBlock stream data."""
    stream = []
    for item in items:
        if isinstance(item, dict):
            stream.append(("heading", {"text": item["heading"], "level": "h2"}))
        else:
            stream.append(("paragraph", f"<p>{escape(item)}</p>"))
    return stream


def pick(data, *names):
    """The named items of a JSON object, as keyword arguments for a page."""
    return {name: data[name] for name in names}


def paragraphs(items):
    return "".join(f"<p>{escape(item)}</p>" for item in items)


def conditions(items):
    return [{"question": item["question"], "answers": ",".join(item["answers"])} for item in items]


def guide_step(step, offices, items):
    """A step of guides.json as StepBlock data; `items` maps item codes to service item pages."""
    return {
        "title": step["title"],
        "body": paragraphs(step["body"]),
        "requirement": step["requirement"],
        "alternative_group": step["alternative_group"],
        "materials": [{**material, "conditions": conditions(material["conditions"])} for material in step["materials"]],
        "office": offices[step["office"]] if step["office"] else None,
        "time_limit": step["time_limit"],
        "fee": step["fee"],
        "service_item": items.get(step["service_item"]["code"]) if step["service_item"] else None,
        "online_url": step["online_url"],
        "conditions": conditions(step["conditions"]),
    }


def link(item, pages):
    """A link object: {"page": "/demo/path/"} resolved through `pages`, or {"url": …}."""
    return {
        "title": item["title"],
        "page": pages[item["page"]] if "page" in item else None,
        "url": item.get("url", ""),
        "description": item.get("description", ""),
    }


def links_block(heading, items, pages):
    return ("links", {"heading": heading, "links": [link(item, pages) for item in items if resolvable(item, pages)]})


def resolvable(item, pages):
    return "url" in item or item.get("page") in pages


def published_at(day):
    """Nine in the morning, Jiangmen time, of an ISO date."""
    return datetime.combine(datetime.fromisoformat(day).date(), time(9), tzinfo=ZoneInfo(settings.TIME_ZONE))


def document(filename, title, paragraphs_text):
    """A document in the library holding `paragraphs_text` as plain text (the demo's drafts)."""

    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    text = "\n\n".join([title, *paragraphs_text])
    return Document.objects.create(title=title, file=ContentFile(text.encode("utf-8"), name=filename))


ANSWER_PATTERN = [1, 0, 1, 1, 2, 0, 1, 0, 1, 3, 1, 2, 0, 1, 4, 1]  # mostly the first two choices, a few of the rest


def survey_answer(fields, number):
    """The `number`th demo answer to a survey: choices spread in a fixed, plausible pattern."""
    answer = {}
    for field in fields:
        choices = [choice for choice in field.choices.splitlines() if choice.strip()]
        if field.field_type in ("radio", "dropdown") and choices:
            answer[field.clean_name] = choices[ANSWER_PATTERN[number % len(ANSWER_PATTERN)] % len(choices)]
        elif field.field_type in ("checkboxes", "multiselect") and choices:
            answer[field.clean_name] = choices[number % len(choices) :: 3]
        else:
            answer[field.clean_name] = ""
    return answer
