"""How a case's deadline is counted, step by step, so staff can check it (and the law's arithmetic in one place).

《政府信息公开条例》: the 20 working days (第三十三条) run from the day after the request is received (第三十一条); a
request sent back for correction (补正, 第三十条) is counted afresh from the day the corrected request arrives; the
time third parties and other agencies take to give their views (第三十二条、第三十三条第二款) and the time between a
fee notice and the payment (国办函〔2020〕109号) are not counted; one extension adds at most 20 working days.
Nothing here reads the database: `count` takes the facts and a `portal.workdays.Calendar`.
"""

from dataclasses import dataclass, field
from datetime import date

CORRECTION = "correction"  # the pause reasons that restart the clock, or stop it (see PauseReason)
CAPPED_CONSULTATION_DAYS = {"consultation": 15}  # a third party has 15 working days to answer (第三十二条)


@dataclass(frozen=True)
class Stop:
    reason: str
    label: str
    started_on: date
    ended_on: date | None


@dataclass
class Count:
    """The deadline and the working shown to staff."""

    start: date  # the day counting starts after (the day of receipt, of the corrected request, or of 重办)
    start_label: str
    days: int  # the statutory or promised working days
    extension: int  # working days added by the extension
    paused: list = field(default_factory=list)  # (label, first, last or None, working days not counted)
    due_on: date | None = None
    waiting: str = ""  # the clock is stopped with no end yet: why
    provisional_years: list = field(default_factory=list)  # years counted on the statutory rule only
    days_off: list = field(default_factory=list)  # holidays (not weekends) the count stepped over

    @property
    def total(self):
        return self.days + self.extension + sum(days for *_, days in self.paused)

    def lines(self):
        """The working, in plain Chinese, one step a line."""
        lines = [f"起算：{self.start_label} {self.start:%Y-%m-%d}（次日起计算）", f"期限：{self.days} 个工作日"]
        if self.extension:
            lines.append(f"延期：{self.extension} 个工作日")
        for label, first, last, days in self.paused:
            lines.append(f"{label}：{first:%Y-%m-%d} 至 {f'{last:%Y-%m-%d}' if last else '今'}，不计算 {days} 个工作日")
        if self.days_off:
            lines.append("跳过节假日：" + "、".join(f"{day:%m-%d}" for day in self.days_off))
        if self.waiting:
            lines.append(f"计时已暂停：{self.waiting}")
        elif self.due_on:
            lines.append(f"共 {self.total} 个工作日，期限至 {self.due_on:%Y-%m-%d}")
        if self.provisional_years:
            years = "、".join(str(year) for year in self.provisional_years)
            lines.append(f"注意：{years} 年的节假日安排尚未公布，暂按法定节假日计算；公布后将自动重新计算")
        return lines


def count(work, *, received, days, extension=0, stops=(), restarted=None, today):
    """The deadline of a case received on `received` (or handled again from `restarted`, 重办) with `days` working
    days, `extension` more, and the clock `stops` (Stop) it had; `today` ends a stop still running."""
    start, start_label = (restarted, "重新办理之日") if restarted else (received, "收到申请之日")
    corrections = [stop for stop in stops if stop.reason == CORRECTION]
    waiting = ""
    for stop in corrections:
        if stop.ended_on is None:
            waiting = f"{stop.label}（{stop.started_on:%Y-%m-%d} 起），收到补正后重新计算"
        elif stop.ended_on >= start:
            start, start_label = stop.ended_on, "收到补正申请之日"
    result = Count(start, start_label, days, extension)
    for stop in stops:
        if stop.reason == CORRECTION or (stop.ended_on and stop.ended_on <= start):
            continue
        first = max(stop.started_on, start)
        held = work.between(first, stop.ended_on or today)
        held = min(held, CAPPED_CONSULTATION_DAYS.get(stop.reason, held))
        result.paused.append((stop.label, stop.started_on, stop.ended_on, held))
        if stop.ended_on is None and not waiting:
            waiting = f"{stop.label}（{stop.started_on:%Y-%m-%d} 起）"
    result.waiting = waiting
    result.due_on = work.add(start, result.total)
    if not waiting:
        result.days_off = work.days_off(start, result.due_on)
    result.provisional_years = work.provisional_years(start, result.due_on)
    return result
