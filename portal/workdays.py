"""工作日: a calendar that knows the State Council's public holidays and make-up working days (调休).

Each year's holidays come from `data/holidays/<year>.json` (holiday ranges and make-up days, as published
by the State Council). A year without a file counts Monday to Friday only; `missing_years` names the years
an administrator should add before deadlines run into them.
"""

import json
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

HOLIDAY_DIR = Path(__file__).resolve().parent / "data" / "holidays"


def days_from(first, last):
    return [first + timedelta(days) for days in range((last - first).days + 1)]


@dataclass(frozen=True)
class Calendar:
    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()  # weekend days worked instead (调休上班)
    years: frozenset[int] = frozenset()

    @classmethod
    def from_directory(cls, directory=HOLIDAY_DIR):
        holidays, workdays, years = set(), set(), set()
        for path in sorted(Path(directory).glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            years.add(data["year"])
            for item in data["holidays"]:
                holidays.update(days_from(date.fromisoformat(item["from"]), date.fromisoformat(item["to"])))
            workdays.update(date.fromisoformat(item["date"]) for item in data["workdays"])
        return cls(frozenset(holidays), frozenset(workdays), frozenset(years))

    def is_working_day(self, day):
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

    def missing_years(self, *days):
        return sorted({day.year for day in days} - self.years)


@cache
def calendar():
    """The calendar of the shipped holiday files, read once per process."""
    return Calendar.from_directory()


def months_later(day, months):
    """The same day `months` calendar months later (that month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))
