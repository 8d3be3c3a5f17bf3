"""The reader's situation: their answers to a guide's questions, and what the guide shows for them.

Plain functions over the guide's StreamField values and a query string; no database, no request object.
"""

from dataclasses import dataclass, field

from .blocks import split_keys

MAX_VALUE_LENGTH = 40


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    help: str
    choices: tuple  # ((answer key, label), ...) in the editor's order

    @property
    def answers(self):
        return dict(self.choices)


def questions_of(stream):
    return [
        Question(
            q.value["key"], q.value["text"], q.value["help"], tuple((a["key"], a["label"]) for a in q.value["answers"])
        )
        for q in stream
    ]


def parse_answers(questions, query):
    """Valid answers from a QueryDict, and a notice for each thing ignored. Never raises."""
    by_key = {question.key: question for question in questions}
    answers, notices = {}, []
    for key in query:
        question = by_key.get(key)
        values = query.getlist(key)
        if question is None:
            if key != "page":
                notices.append("网址中有无法识别的问题，已忽略。")
        elif len(values) != 1:
            notices.append(f"“{question.text}”给出了多个答案，已忽略该问题的答案。")
        elif len(values[0]) > MAX_VALUE_LENGTH or values[0] not in question.answers:
            notices.append(f"“{question.text}”的答案无法识别，已忽略。")
        else:
            answers[key] = values[0]
    return answers, list(dict.fromkeys(notices))


def condition_pairs(conditions):
    """[(question key, {answer keys})] from a list of ConditionBlock values."""
    return [(condition["question"], set(split_keys(condition["answers"]))) for condition in conditions]


def applies(conditions, answers):
    """True when every condition holds, False when one fails, None while a question it needs is unanswered."""
    result = True
    for question, allowed in condition_pairs(conditions):
        if question not in answers:
            result = None
        elif answers[question] not in allowed:
            return False
    return result


def describe(conditions, questions):
    """'仅适用于：双方是否均为内地居民？——否' for a reader who has not answered yet."""
    by_key = {question.key: question for question in questions}
    parts = []
    for key, allowed in condition_pairs(conditions):
        question = by_key.get(key)
        if question:
            labels = "、".join(label for answer, label in question.answers.items() if answer in allowed)
            parts.append(f"{question.text}——{labels}")
    return "；".join(parts)


@dataclass
class Step:
    number: int
    value: object  # the StepBlock StructValue
    applies: bool | None
    condition_text: str
    materials: list = field(default_factory=list)  # [(MaterialBlock value, applies, condition_text)]


def visible_steps(steps_stream, questions, answers):
    """The steps (numbered in order) and materials that may apply to this reader."""
    shown = []
    for block in steps_stream:
        step = block.value
        step_applies = applies(step["conditions"], answers)
        if step_applies is False:
            continue
        materials = [
            (material, material_applies, describe(material["conditions"], questions))
            for material in step["materials"]
            if (material_applies := applies(material["conditions"], answers)) is not False
        ]
        shown.append(Step(len(shown) + 1, step, step_applies, describe(step["conditions"], questions), materials))
    return shown


def checklist(steps):
    """您需要准备的材料: every material of the shown steps once, in first-seen order.

    Where steps ask for the same material differently, the entry asks for the most copies and, if one step
    wants the original and another a copy, for both. It keeps a "仅适用于" note only if every step that asks
    for it does so conditionally.
    """
    merged = {}
    for step in steps:
        for material, _, condition_text in step.materials:
            name = material["name"].strip()
            item = merged.setdefault(
                name,
                {"name": name, "copies": 0, "form": material["form"], "steps": [], "condition_text": condition_text},
            )
            item["copies"] = max(item["copies"], material["copies"])
            if item["form"] != material["form"]:
                item["form"] = "original_and_copy"
            if not condition_text or item["condition_text"] != condition_text:
                item["condition_text"] = ""
            item["steps"].append(step.number)
    return list(merged.values())


def condition_problems(questions, steps_stream):
    """Editor-facing messages for conditions that name a question or answer the guide does not define."""
    by_key = {question.key: question for question in questions}
    problems = []
    seen = set()
    for question in questions:
        if question.key in seen:
            problems.append(f"问题代码“{question.key}”重复，请改为不同的代码。")
        seen.add(question.key)
        if len(question.choices) != len(question.answers):
            problems.append(f"问题“{question.text}”的答案代码重复。")
    for number, block in enumerate(steps_stream, start=1):
        step = block.value
        places = [(f"第 {number} 步“{step['title']}”", step["conditions"])]
        places += [(f"第 {number} 步的材料“{m['name']}”", m["conditions"]) for m in step["materials"]]
        for place, conditions in places:
            for key, allowed in condition_pairs(conditions):
                question = by_key.get(key)
                if question is None:
                    problems.append(f"{place}的显示条件引用了不存在的问题代码“{key}”。")
                    continue
                for answer in sorted(allowed - set(question.answers)):
                    problems.append(f"{place}的显示条件引用了问题“{key}”中不存在的答案代码“{answer}”。")
                if not allowed:
                    problems.append(f"{place}的显示条件没有填写答案代码。")
    return problems
