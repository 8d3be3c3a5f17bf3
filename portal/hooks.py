"""The portal's own Wagtail hooks: how one app adds to what another does without importing it.

The app that asks calls `hooks.get_hooks(NAME)`; the apps that answer register under the same name.
"""

# (page, parent) -> [messages]: refuse putting this content live (错敏字 in departments, the ten elements in services).
CHECK_PAGE_BEFORE_PUBLISH = "check_page_before_publish"

# (user, place) -> [messages]: refuse this user putting content live under `place` (三审 in departments).
REFUSE_GOING_LIVE_AT = "refuse_going_live_at"

# (page) -> [pages or URL paths]: what else shows this page, refreshed with it in the front cache (frontcache asks).
FRONT_CACHE_PAGES_SHOWING = "front_cache_pages_showing"

# (department, year, departments=None) -> {"requests": {row: {column: n}}, "reviews": {kind: {result: n}}, "fees": yuan}:
# 依申请公开 figures for an annual report in the national format (disclosure asks, interaction answers; see
# interaction.reports for the keys); `departments` given, the figures of all of them (a city-wide report).
DISCLOSURE_REQUEST_FIGURES = "disclosure_request_figures"

# (years) -> None: the State Council's holiday notice for these years was entered, changed or removed (portal
# calls, after the calendar changed); interaction recomputes the deadlines of open cases.
HOLIDAYS_CHANGED = "holidays_changed"

# (year) -> {key: figure}: the figures of the 政府网站工作年度报表 an app knows (home asks, each app answers its own
# rows; the keys are home.website_report.ROWS').
WEBSITE_REPORT_FIGURES = "website_report_figures"
