"""The results summary of a survey: for each choice question, how many answers each option got."""

from dataclasses import dataclass

CHOICE_TYPES = {"radio", "dropdown", "checkboxes", "multiselect", "checkbox"}


@dataclass
class Option:
    label: str
    count: int
    percent: int


@dataclass
class Question:
    label: str
    answered: int
    options: list  # [Option] for choice questions, [] for free text


def summarise(fields, answers):
    """`fields`: the form's fields (label, clean_name, field_type, choices); `answers`: each response's data."""
    answers = list(answers)
    summary = []
    for field in fields:
        values = [answer.get(field.clean_name) for answer in answers]
        given = [value for value in values if value not in (None, "", [], False)]
        if field.field_type not in CHOICE_TYPES:
            summary.append(Question(field.label, len(given), []))
            continue
        labels = ["是"] if field.field_type == "checkbox" else [choice.strip() for choice in choice_list(field.choices)]
        counts = dict.fromkeys(labels, 0)
        for value in given:
            for chosen in value if isinstance(value, list) else ["是" if value is True else value]:
                if chosen in counts:
                    counts[chosen] += 1
        summary.append(
            Question(
                field.label,
                len(given),
                [
                    Option(label, count, round(100 * count / len(given)) if given else 0)
                    for label, count in counts.items()
                ],
            )
        )
    return summary


def choice_list(choices):
    """Wagtail's form builder keeps choices one per line (older forms: comma separated)."""
    separator = "\n" if "\n" in choices else ","
    return [choice for choice in choices.split(separator) if choice.strip()]
