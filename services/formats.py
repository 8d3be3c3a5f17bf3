"""Reading and writing the exchange schema as JSON or CSV, remembering the line where each item starts."""

import csv
import io
import json

ITEM_COLUMNS = [
    "code", "name", "department", "type", "theme", "status", "summary", "agency",
    "legal_basis", "conditions", "audiences",
]  # fmt: skip
PROCEDURE_COLUMNS = [
    "procedure", "steps", "materials", "statutory_days", "promised_days", "fee",
    "office_name", "office_district", "office_address", "office_opening_hours", "office_phone",
    "hours", "consultation_phone", "complaint_phone", "online_url", "visits",
]  # fmt: skip
COLUMNS = ITEM_COLUMNS + PROCEDURE_COLUMNS
LIST_COLUMNS = ["legal_basis", "conditions", "audiences"]
OFFICE_COLUMNS = {f"office_{key}": key for key in ["name", "district", "address", "opening_hours", "phone"]}
MATERIAL_PARTS = ["name", "copies", "form", "notes", "blank_form"]
ROW_PROBLEM = "__problem__"  # set on a CSV item whose rows disagree; the importer reports it for that item


class FormatError(ValueError):
    """The file as a whole cannot be read (not JSON, not an array, a CSV without its header …)."""

    def __init__(self, line, reason):
        super().__init__(f"第{line}行：{reason}")
        self.line, self.reason = line, reason


def read(text, kind):
    """[(line, raw item)] from JSON or CSV text."""
    text = text.removeprefix("\ufeff")
    return read_csv(text) if kind == "csv" else read_json(text)


def line_at(text, index):
    return text.count("\n", 0, index) + 1


def read_json(text):
    decoder = json.JSONDecoder()
    position = skip_space(text, 0)
    if position >= len(text) or text[position] != "[":
        raise FormatError(line_at(text, position), "文件应为 JSON 数组（[{…}, {…}]）。")
    items = []
    position = skip_space(text, position + 1)
    while position < len(text) and text[position] != "]":
        try:
            item, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise FormatError(line_at(text, error.pos), f"JSON 格式错误：{error.msg}。") from None
        except ValueError:  # an integer of more digits than Python converts (4300)
            raise FormatError(line_at(text, position), "JSON 格式错误：数字位数过多。") from None
        items.append((line_at(text, position), item))
        position = skip_space(text, end)
        if position < len(text) and text[position] == ",":
            position = skip_space(text, position + 1)
        elif position < len(text) and text[position] != "]":
            raise FormatError(line_at(text, position), "JSON 格式错误：事项之间缺少逗号。")
    if position >= len(text):
        raise FormatError(line_at(text, position), "JSON 格式错误：数组没有结束（缺少 ]）。")
    if text[position + 1 :].strip():
        raise FormatError(line_at(text, position + 1), "JSON 格式错误：数组之后还有内容。")
    return items


def skip_space(text, position):
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def read_csv(text):
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [name for name in ["code", "name", "department", "type"] if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing or unknown:
        problems = ([f"缺少列 {'、'.join(missing)}"] if missing else []) + (
            [f"未知的列 {'、'.join(unknown)}"] if unknown else []
        )
        raise FormatError(1, "；".join(problems) + f"。表头应为：{','.join(COLUMNS)}")
    items, start = [], reader.line_num + 1
    for row in reader:
        if None in row:
            raise FormatError(start, "这一行的列数多于表头。")
        row = {name: (value or "").strip() for name, value in row.items()}
        if items and items[-1][2]["code"] == row["code"]:
            line, item, first_row = items[-1]
            changed = [name for name in ITEM_COLUMNS if row.get(name, "") != first_row.get(name, "")]
            if changed:
                item[ROW_PROBLEM] = f"第{start}行与第{line}行属同一事项，但{'、'.join(changed)}不一致。"
            add_procedure(item, row)
        elif any(row.values()):
            item = {name: row[name] for name in ITEM_COLUMNS if name in row}
            for name in LIST_COLUMNS:
                item[name] = item.get(name, "").splitlines()
            item["procedures"] = []
            add_procedure(item, row)
            items.append((start, item, row))
        start = reader.line_num + 1
    return [(line, item) for line, item, _ in items]


def add_procedure(item, row):
    if not row.get("procedure"):
        return
    procedure = {name: row.get(name, "") for name in PROCEDURE_COLUMNS if not name.startswith("office_")}
    procedure["name"] = procedure.pop("procedure")
    procedure["steps"] = [
        dict(zip(["title", "description"], split(line, 2), strict=True)) for line in lines(row.get("steps"))
    ]
    procedure["materials"] = [material(line) for line in lines(row.get("materials"))]
    office = {key: row.get(column, "") for column, key in OFFICE_COLUMNS.items()}
    procedure["office"] = office if office["name"] else None
    item["procedures"].append(procedure)


def lines(cell):
    return [line for line in (cell or "").splitlines() if line.strip()]


def split(line, parts):
    values = [value.strip() for value in line.split("|", parts - 1)]
    return values + [""] * (parts - len(values))


def material(line):
    values = dict(zip(MATERIAL_PARTS, split(line, len(MATERIAL_PARTS)), strict=True))
    return {key: value or None if key == "blank_form" else value for key, value in values.items()}


def write(items, kind):
    return write_csv(items) if kind == "csv" else json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def write_csv(items):
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for item in items:
        cells = {name: item[name] for name in ITEM_COLUMNS}
        for name in LIST_COLUMNS:
            cells[name] = "\n".join(item[name])
        for procedure in item["procedures"] or [None]:
            writer.writerow(cells | (procedure_cells(procedure) if procedure else {}))
    return out.getvalue()


def procedure_cells(procedure):
    office = procedure["office"] or {}
    return {
        "procedure": procedure["name"],
        "steps": "\n".join(f"{step['title']}|{step['description']}" for step in procedure["steps"]),
        "materials": "\n".join(
            "|".join("" if material[key] is None else str(material[key]) for key in MATERIAL_PARTS)
            for material in procedure["materials"]
        ),
        **{name: "" if procedure[name] is None else procedure[name] for name in ["statutory_days", "promised_days"]},
        **{name: procedure[name] for name in ["fee", "hours", "consultation_phone", "complaint_phone", "online_url"]},
        "visits": procedure["visits"],
        **{column: office.get(key, "") for column, key in OFFICE_COLUMNS.items()},
    }
