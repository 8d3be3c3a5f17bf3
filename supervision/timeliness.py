"""栏目更新监测: how the national website inspection would judge each column's timeliness today.

Plain functions over (column, last update) facts; the admin report and the dashboard panel feed them.
Rules (《政府网站与政务新媒体检查指标》): the home page and news columns (动态、要闻) must be updated within two weeks,
notice and policy columns (通知公告、政策文件) within six months, other columns within a year; a column with
nothing in it is empty (空白栏目). A site fails with 5 or more stale columns, 5 or more empty columns, or a home
page not updated for two weeks. The thresholds are in settings.TIMELINESS_THRESHOLD_DAYS.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.utils import timezone

from portal.columns import ColumnType

FAILING_COUNT = 5
OK, STALE, EMPTY = "ok", "stale", "empty"


def threshold_days(column_type):
    thresholds = settings.TIMELINESS_THRESHOLD_DAYS
    return thresholds.get(column_type, thresholds["default"])


@dataclass
class ColumnStatus:
    page: object
    department: str
    column_type: str  # a ColumnType value
    last_update: datetime | None
    today: date

    @property
    def threshold(self):
        return threshold_days(self.column_type)

    @property
    def updated_on(self):
        """The local day of the last update (a late-evening UTC time is already tomorrow in Jiangmen)."""
        return timezone.localdate(self.last_update) if self.last_update else None

    @property
    def days_since(self):
        return (self.today - self.updated_on).days if self.last_update else None

    @property
    def due(self):
        """The day the column goes stale if nothing new is published."""
        return self.updated_on + timedelta(days=self.threshold) if self.last_update else None

    @property
    def state(self):
        if self.last_update is None:
            return EMPTY
        return STALE if self.days_since > self.threshold else OK

    @property
    def column_type_label(self):
        return ColumnType(self.column_type).label


@dataclass
class Verdict:
    passed: bool
    reasons: list
    fix_first: list  # ColumnStatus, most urgent first


def verdict(statuses):
    stale = [status for status in statuses if status.state == STALE]
    empty = [status for status in statuses if status.state == EMPTY]
    home = [status for status in statuses if status.column_type == ColumnType.HOME]
    reasons = []
    if len(stale) >= FAILING_COUNT:
        reasons.append(f"有 {len(stale)} 个栏目超期未更新（5个及以上即单项否决）")
    if len(empty) >= FAILING_COUNT:
        reasons.append(f"有 {len(empty)} 个空白栏目（5个及以上即单项否决）")
    if any(status.state != OK for status in home):
        reasons.append("首页超过2周未更新（单项否决）")
    urgency = {ColumnType.HOME: 0}
    fix_first = sorted(
        stale + empty,
        key=lambda s: (urgency.get(s.column_type, 1), s.state != STALE, -(s.days_since or 0)),
    )
    return Verdict(passed=not reasons, reasons=reasons, fix_first=fix_first)
