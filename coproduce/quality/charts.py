"""Server-rendered SVG for the improvement page: a p-chart, a run chart and bar charts.

Drawn by hand like the rating chart (`coproduce.followups.chart`): only presentation
attributes and CSS classes, no inline styles, so the pages' Content-Security-Policy holds;
every label is escaped. Each chart has a title and the page shows the same figures as a table.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from coproduce.quality.service import Period, Series
from coproduce.quality.shared_themes import Theme

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 48


def _label(period: Period, interval: str) -> str:
    return (
        f"{period.start.day} {period.start:%b}" if interval == "week" else f"{period.start:%b %y}"
    )


def _xs(count: int) -> list[float]:
    span = WIDTH - LEFT - RIGHT
    step = span / max(count, 1)
    return [LEFT + step * (i + 0.5) for i in range(count)]


def _svg(title: str, body: str, css: str) -> Markup:
    return Markup(  # noqa: S704  (numbers we computed; every label is escaped)
        f'<svg class="chart {css}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def _axis_labels(series: Series, xs: list[float]) -> str:
    every = max(1, len(xs) // 12)
    return "".join(
        f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" class="chart__axis">'
        f"{escape(_label(p, series.interval))}</text>"
        for i, (x, p) in enumerate(zip(xs, series.periods, strict=True))
        if i % every == 0
    )


def p_chart_svg(series: Series) -> Markup:
    """The share improved by 2 or more per period, its centre line and 3-sigma limits."""
    title = "Share of patients improved by 2 or more points, per period, with 3-sigma limits"
    xs = _xs(len(series.periods))
    plot = HEIGHT - TOP - BOTTOM

    def y(share: float) -> float:
        return TOP + plot * (1 - share)

    grid = "".join(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
        f'class="chart__grid"/><text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end" '
        f'class="chart__axis">{int(v * 100)}%</text>'
        for v in (0, 0.25, 0.5, 0.75, 1)
    )
    half = (WIDTH - LEFT - RIGHT) / max(len(xs), 1) / 2
    limits: list[str] = []
    points: list[str] = []
    line: list[tuple[float, float] | None] = []
    for x, period in zip(xs, series.periods, strict=True):
        if period.limits is not None:
            for bound in (period.limits.lower, period.limits.upper):
                limits.append(
                    f'<line x1="{x - half:.1f}" x2="{x + half:.1f}" y1="{y(bound):.1f}" '
                    f'y2="{y(bound):.1f}" class="chart__limit"/>'
                )
        if period.share_improved is None:
            line.append(None)
            continue
        line.append((x, y(period.share_improved)))
        signal = period.limits is not None and period.limits.signal is not None
        points.append(
            f'<circle cx="{x:.1f}" cy="{y(period.share_improved):.1f}" '
            f'r="{6 if signal else 4}" class="chart__point'
            f'{" chart__signal" if signal else ""}"><title>'
            f"{escape(_label(period, series.interval))}: {period.improved} of {period.patients}"
            f"{' (special cause)' if signal else ''}</title></circle>"
        )
    centre = ""
    if series.centre is not None:
        centre = (
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(series.centre):.1f}" '
            f'y2="{y(series.centre):.1f}" class="chart__centre"/>'
        )
    return _svg(
        title,
        grid
        + centre
        + "".join(limits)
        + _polylines(line)
        + "".join(points)
        + _axis_labels(series, xs),
        "chart--p",
    )


def _polylines(points: list[tuple[float, float] | None]) -> str:
    """A line through the points, broken where a period is empty."""
    parts: list[str] = []
    current: list[tuple[float, float]] = []
    for point in [*points, None]:
        if point is None:
            if len(current) > 1:
                coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in current)
                parts.append(f'<polyline points="{coords}" class="chart__line" fill="none"/>')
            current = []
        else:
            current.append(point)
    return "".join(parts)


def run_chart_svg(series: Series) -> Markup:
    """The median change in rating per period, around its median, long runs marked."""
    title = "Median change in the patients' own rating, per period, with its median"
    xs = _xs(len(series.periods))
    values = [p.median_change for p in series.periods if p.median_change is not None]
    low = min([*values, 0.0]) - 1
    high = max([*values, 0.0]) + 1
    plot = HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        return TOP + plot * (high - value) / (high - low)

    ticks = sorted({round(low), 0, round(high)})
    grid = "".join(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
        f'class="chart__grid"/><text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end" '
        f'class="chart__axis">{v:+d}</text>'
        for v in ticks
    )
    centre = ""
    if series.runs.median is not None:
        centre = (
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(series.runs.median):.1f}" '
            f'y2="{y(series.runs.median):.1f}" class="chart__centre"/>'
        )
    line: list[tuple[float, float] | None] = []
    points: list[str] = []
    for x, period in zip(xs, series.periods, strict=True):
        if period.median_change is None:
            line.append(None)
            continue
        line.append((x, y(period.median_change)))
        marked = period.in_long_run
        points.append(
            f'<circle cx="{x:.1f}" cy="{y(period.median_change):.1f}" r="{6 if marked else 4}" '
            f'class="chart__point{" chart__signal" if marked else ""}"><title>'
            f"{escape(_label(period, series.interval))}: median change "
            f"{period.median_change:+g}{' (in a run signalling a shift)' if marked else ''}"
            f"</title></circle>"
        )
    return _svg(
        title,
        grid + centre + _polylines(line) + "".join(points) + _axis_labels(series, xs),
        "chart--run",
    )


def bars_svg(themes: list[Theme], *, title: str) -> Markup:
    """Horizontal bars: the share of conversations that named each theme."""
    if not themes:
        return Markup("")
    width, row, label_width = 480, 26, 190
    height = TOP + row * len(themes) + 8
    span = width - label_width - RIGHT - 70
    bars = "".join(
        f'<text x="{label_width - 8}" y="{TOP + row * i + 15}" text-anchor="end" '
        f'class="chart__axis">{escape(theme.name)}</text>'
        f'<rect x="{label_width}" y="{TOP + row * i + 3}" '
        f'width="{max(1.0, span * theme.share):.1f}" height="{row - 8}" class="chart__bar"/>'
        f'<text x="{label_width + span * theme.share + 6:.1f}" y="{TOP + row * i + 15}" '
        f'class="chart__value">{theme.patients} ({theme.share:.0%})</text>'
        for i, theme in enumerate(themes)
    )
    return Markup(  # noqa: S704  (numbers we computed; every label is escaped)
        f'<svg class="chart chart--bars" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>{bars}</svg>"
    )
