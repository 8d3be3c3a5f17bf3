"""Charts drawn on the server as inline SVG: readable without JavaScript, printable, with a text alternative."""

from django.utils.html import format_html, format_html_join

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 220
BAR_WIDTH = 360


def bar_chart(title, rows, unit="%", maximum=None):
    """A horizontal bar chart of [(label, value)]; a value of None is drawn as “无数据”."""
    values = [value for _, value in rows if value is not None]
    maximum = maximum or max(values, default=0) or 1
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + 80
    bars = format_html_join(
        "",
        '<g transform="translate(0,{})"><text x="{}" y="{}" text-anchor="end">{}</text>'
        '<rect x="{}" y="0" width="{}" height="{}" class="chart__bar"></rect>'
        '<text x="{}" y="{}" class="chart__value">{}</text></g>',
        (
            (
                GAP + index * (BAR_HEIGHT + GAP),
                LABEL_WIDTH - 8,
                BAR_HEIGHT - 6,
                label,
                LABEL_WIDTH,
                round(BAR_WIDTH * (value or 0) / maximum),
                BAR_HEIGHT,
                LABEL_WIDTH + round(BAR_WIDTH * (value or 0) / maximum) + 6,
                BAR_HEIGHT - 6,
                "无数据" if value is None else f"{value}{unit}",
            )
            for index, (label, value) in enumerate(rows)
        ),
    )
    return format_html(
        '<svg class="chart" role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%" '
        'xmlns="http://www.w3.org/2000/svg"><title>{}</title>{}</svg>',
        title,
        width,
        height,
        title,
        bars,
    )
