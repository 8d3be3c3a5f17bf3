"""工作日: a calendar that never guesses.

Each year is counted on the best source there is, and says which:

- **notice** (`NOTICE`): the State Council's notice for the year (国务院办公厅关于某年部分节假日安排的通知) as the portal
  office entered it in the admin (`portal.models.HolidayNotice`); it overrides everything else;
- **published** (`PUBLISHED`): the notices shipped with the code: the `chinese-calendar` package (maintained, one
  release per notice) and our own files `data/holidays/<year>.json` (a test checks they agree; a file wins for its
  year, so a notice can ship before the package has it);
- **statutory** (`STATUTORY`, provisional): for a year nobody has announced yet, the holidays of
  《全国年节及纪念日放假办法》 (2024 revision): 元旦 1 day, 春节 4 days from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1,
  国庆 3, a holiday falling on a weekend made up on the next working day (第六条), and no 调休 (only a notice makes a
  weekend a working day). Lunar dates and 清明 come from `lunar_python`.

A deadline counted across a statutory year is provisional: `provisional_years` names such years so the back office
can say so, and entering the year's notice recomputes open deadlines (`notices_changed`, hook `HOLIDAYS_CHANGED`).
"""

import json
import re
from calendar import monthrange
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from uuid import uuid4

HOLIDAY_DIR = Path(__file__).resolve().parent / "data" / "holidays"
NOTICE, PUBLISHED, STATUTORY = "notice", "published", "statutory"
BASIS_LABELS = {
    NOTICE: "国务院办公厅节假日安排通知（门户管理员录入）",
    PUBLISHED: "国务院办公厅节假日安排通知",
    STATUTORY: "《全国年节及纪念日放假办法》法定节假日（当年安排尚未公布，暂按此计算）",
}
STAMP_KEY = "portal:workdays:stamp"


def days_from(first, last):
    return [first + timedelta(days) for days in range((last - first).days + 1)]


@dataclass(frozen=True)
class YearRule:
    """One year's days off and make-up working days, and where they come from."""

    year: int
    basis: str
    source: str
    holidays: frozenset = frozenset()  # days off (放假)
    workdays: frozenset = frozenset()  # weekend days worked instead (调休上班)
    names: tuple = field(default=(), compare=False)  # ((first day, last day, name), ...) for people to read


def lunar_to_solar(year, month, day):
    from lunar_python import Lunar

    solar = Lunar.fromYmd(year, month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def qingming(year):
    from lunar_python import Solar

    term = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()["清明"]
    return date(term.getYear(), term.getMonth(), term.getDay())


@cache
def statutory_year(year):
    """The holidays 《全国年节及纪念日放假办法》 (2024) gives every citizen in `year`, weekends made up (第六条)."""
    spring = lunar_to_solar(year, 1, 1)
    festivals = [
        ("元旦", [date(year, 1, 1)]),
        ("春节", days_from(spring - timedelta(1), spring + timedelta(2))),  # 除夕 to 初三
        ("清明节", [qingming(year)]),
        ("劳动节", [date(year, 5, 1), date(year, 5, 2)]),
        ("端午节", [lunar_to_solar(year, 5, 5)]),
        ("中秋节", [lunar_to_solar(year, 8, 15)]),
        ("国庆节", days_from(date(year, 10, 1), date(year, 10, 3))),
    ]
    off = {day for _, days in festivals for day in days}
    names = []
    for name, days in festivals:
        made_up, day = sum(d.weekday() >= 5 for d in days), days[-1]
        while made_up:  # 适逢周六、周日，应当在工作日补假
            day += timedelta(1)
            if day.weekday() < 5 and day not in off:
                off.add(day)
                made_up -= 1
        names.append((days[0], max(days[-1], day), name))
    return YearRule(year, STATUTORY, BASIS_LABELS[STATUTORY], frozenset(off), frozenset(), tuple(names))


def read_file(path):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    holidays, names = set(), []
    for item in data["holidays"]:
        first, last = date.fromisoformat(item["from"]), date.fromisoformat(item["to"])
        holidays.update(days_from(first, last))
        names.append((first, last, item["name"]))
    workdays = frozenset(date.fromisoformat(item["date"]) for item in data["workdays"])
    return YearRule(data["year"], PUBLISHED, data.get("source", path.name), frozenset(holidays), workdays, tuple(names))


def package_years():
    """The years `chinese-calendar` knows, as rules (a year it knows has both holidays and an entry in its table)."""
    import chinese_calendar

    holidays, workdays = {}, {}
    for day in chinese_calendar.holidays:
        holidays.setdefault(day.year, set()).add(day)
    for day in chinese_calendar.workdays:
        workdays.setdefault(day.year, set()).add(day)
    return {
        year: YearRule(
            year,
            PUBLISHED,
            f"国务院办公厅关于{year}年部分节假日安排的通知（chinese-calendar）",
            frozenset(days),
            frozenset(workdays.get(year, ())),
        )
        for year, days in holidays.items()
    }


def published_years(directory=HOLIDAY_DIR):
    years = package_years()
    years.update({rule.year: rule for rule in map(read_file, sorted(Path(directory).glob("*.json")))})
    return years


@dataclass(frozen=True)
class Calendar:
    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()  # weekend days worked instead (调休上班)
    years: frozenset[int] = frozenset()  # the years announced (notice or published); others are statutory
    rules: tuple = ()  # the announced years' YearRule, for saying where a year's days come from

    @classmethod
    def from_rules(cls, rules):
        rules = tuple(sorted(rules, key=lambda rule: rule.year))
        return cls(
            frozenset(day for rule in rules for day in rule.holidays),
            frozenset(day for rule in rules for day in rule.workdays),
            frozenset(rule.year for rule in rules),
            rules,
        )

    @classmethod
    def from_directory(cls, directory=HOLIDAY_DIR):
        return cls.from_rules(published_years(directory).values())

    def rule(self, year):
        """The YearRule the calendar counts `year` by."""
        for rule in self.rules:
            if rule.year == year:
                return rule
        return statutory_year(year)

    def is_working_day(self, day):
        if day.year not in self.years:
            rule = statutory_year(day.year)
            return day not in rule.holidays and day.weekday() < 5
        if day in self.workdays:
            return True
        return day not in self.holidays and day.weekday() < 5

    def add(self, start, days):
        """The `days`-th working day after `start` (the start day itself is not counted)."""
        day, remaining = start, days
        while remaining > 0:
            day += timedelta(1)
            remaining -= self.is_working_day(day)
        return day

    def between(self, start, end):
        """Working days after `start` up to and including `end`; 0 when `end` is not after `start`."""
        return sum(map(self.is_working_day, days_from(start + timedelta(1), end))) if end > start else 0

    def provisional_years(self, *days):
        """The years among these days' that no notice has announced: counted on the statutory rule only."""
        return sorted({day.year for day in days if day} - self.years)

    missing_years = provisional_years

    def days_off(self, start, end):
        """The holidays (not plain weekends) after `start` up to `end`, for showing how a count skipped them."""
        return [
            day for day in days_from(start + timedelta(1), end) if not self.is_working_day(day) and day.weekday() < 5
        ]


def with_notices(base, notices):
    """`base` (a Calendar of published years) with the admin's notices laid over it, year by year."""
    rules = {rule.year: rule for rule in base.rules}
    rules.update({rule.year: rule for rule in notices})
    return Calendar.from_rules(rules.values())


@cache
def published_calendar():
    """The calendar of the shipped notices (chinese-calendar and data/holidays), read once per process."""
    return Calendar.from_directory()


_current = {"stamp": None, "calendar": None}


def current_stamp():
    from django.core.cache import cache as shared

    try:
        return shared.get(STAMP_KEY) or "0"
    except Exception:  # the cache is down: keep counting on what this process has
        return _current["stamp"] or "0"


def calendar():
    """The calendar deadlines are counted on: published notices, with the admin's notices over them.

    Built once per process and again whenever any process records a change of notices (a stamp in the cache)."""
    stamp = current_stamp()
    if _current["calendar"] is None or _current["stamp"] != stamp:
        _current.update(stamp=stamp, calendar=with_notices(published_calendar(), entered_notices()))
    return _current["calendar"]


def entered_notices():
    from django.db import DatabaseError

    from .models import HolidayNotice

    try:
        return [notice.rule() for notice in HolidayNotice.objects.all()]
    except DatabaseError:  # before the first migrate
        return []


def notices_changed():
    """A notice was entered, changed or removed: every process counts on the new calendar from its next call."""
    from django.core.cache import cache as shared

    stamp = uuid4().hex
    with suppress(Exception):  # the cache is down: other processes see the change when it is back
        shared.set(STAMP_KEY, stamp, None)
    _current.update(stamp=None, calendar=None)


DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?")


def parse_dates(text):
    """The dates written in `text`, in order: 2027-01-01, 2027/1/1, 2027.1.1 or 2027年1月1日; ValueError if invalid."""
    found = []
    for match in DATE.finditer(text):
        try:
            found.append(date(*(int(part) for part in match.groups())))
        except ValueError as error:
            raise ValueError(f"“{match.group(0)}”不是有效日期") from error
    return found


def months_later(day, months):
    """The same day `months` calendar months later (that month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))
