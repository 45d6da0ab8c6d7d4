"""Draw the patient's ratings over time as a small, server-rendered SVG."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, HEIGHT = 360, 150
LEFT, RIGHT, TOP, BOTTOM = 34, 16, 12, 34


@dataclass(frozen=True)
class ChartPoint:
    """One point of the chart: its label under the axis and its 0-10 rating."""

    label: str  # e.g. "Before visit", "12 Jan"
    rating: int  # 0-10


def _x(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span / 2 if count == 1 else span * index / (count - 1))


def _y(rating: int) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (10 - rating) / 10


def ratings_svg(points: list[ChartPoint], *, title: str) -> Markup:
    """Return an accessible SVG line chart of 0-10 ratings (labels are escaped)."""
    if not points:
        return Markup("")
    grid = "".join(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_y(v):.1f}" y2="{_y(v):.1f}" '
        f'class="chart__grid"/><text x="{LEFT - 8}" y="{_y(v) + 4:.1f}" '
        f'text-anchor="end" class="chart__axis">{v}</text>'
        for v in (0, 5, 10)
    )
    coords = [(_x(i, len(points)), _y(max(0, min(10, p.rating)))) for i, p in enumerate(points)]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    marks = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" class="chart__point"/>'
        f'<text x="{x:.1f}" y="{y - 10:.1f}" text-anchor="middle" class="chart__value">'
        f"{int(p.rating)}</text>"
        f'<text x="{x:.1f}" y="{HEIGHT - 12}" text-anchor="middle" class="chart__axis">'
        f"{escape(p.label)}</text>"
        for (x, y), p in zip(coords, points, strict=True)
    )
    return Markup(  # noqa: S704  (numbers we computed; every label is escaped)
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>{grid}"
        f'<polyline points="{line}" class="chart__line" fill="none"/>{marks}</svg>'
    )
