"""Statistical process control for improvement teams: a p-chart and Anhøj's run-chart rules.

p-chart (Montgomery, *Introduction to Statistical Quality Control*): the centre line is the
pooled proportion p̄ = Σ events / Σ n over the periods that have patients; each period's
3-sigma limits are p̄ ± 3·√(p̄(1 − p̄)/nᵢ), clipped to [0, 1], so they widen where a period
has few patients. A period outside its limits signals special-cause variation.

Run chart (Anhøj & Olesen 2014, *Run charts revisited*, PLoS ONE 9(11): e113825): the centre
is the median of the points. Points on the median are not useful observations: they neither
break nor extend a run. With n useful observations, an unusually long run (longer than
round(log₂ n + 3)) or unusually few crossings of the median (fewer than the lower 5th
percentile of Binomial(n − 1, ½)) signals a shift in the process.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class PLimits:
    """One period's p-chart centre and 3-sigma limits, and whether it falls outside them."""

    centre: float
    lower: float
    upper: float
    #: "above" or "below" the limits (special cause), or None.
    signal: str | None


def p_centre(events: list[int], totals: list[int]) -> float | None:
    """The pooled proportion over the periods with patients, or None if there are none."""
    n = sum(t for t in totals if t > 0)
    if n == 0:
        return None
    return sum(e for e, t in zip(events, totals, strict=True) if t > 0) / n


def p_limits(events: int, total: int, centre: float) -> PLimits | None:
    """3-sigma limits for one period of `total` patients, and whether it falls outside them."""
    if total <= 0:
        return None
    sigma = math.sqrt(centre * (1 - centre) / total)
    lower, upper = max(0.0, centre - 3 * sigma), min(1.0, centre + 3 * sigma)
    share = events / total
    signal = "above" if share > upper + 1e-12 else "below" if share < lower - 1e-12 else None
    return PLimits(centre=centre, lower=lower, upper=upper, signal=signal)


def binomial_lower_5th(trials: int) -> int:
    """R's qbinom(0.05, trials, 0.5): the smallest x with P(X ≤ x) ≥ 0.05."""
    cumulative = 0.0
    for x in range(trials + 1):
        cumulative += math.comb(trials, x) / 2**trials
        if cumulative >= 0.05:
            return x
    return trials


@dataclass(frozen=True)
class RunAnalysis:
    """Anhøj's rules on one series: the median, the longest run and the crossings, with limits."""

    median: float | None
    useful: int
    longest_run: int
    longest_run_limit: int | None
    crossings: int
    crossings_limit: int | None
    #: Indexes (into the values given) of the points in every run longer than the limit.
    run_points: tuple[int, ...]

    @property
    def long_run(self) -> bool:
        """True when the longest run is unusually long."""
        return self.longest_run_limit is not None and self.longest_run > self.longest_run_limit

    @property
    def few_crossings(self) -> bool:
        """True when the median is crossed unusually few times."""
        return self.crossings_limit is not None and self.crossings < self.crossings_limit

    @property
    def signal(self) -> bool:
        """True when either rule signals a shift in the process."""
        return self.long_run or self.few_crossings


def anhoej(values: list[float | None]) -> RunAnalysis:
    """Apply Anhøj's rules to a series (None: an empty period, left out)."""
    points = [(i, v) for i, v in enumerate(values) if v is not None]
    if not points:
        return RunAnalysis(None, 0, 0, None, 0, None, ())
    median = float(statistics.median(v for _, v in points))
    sides = [(i, 1 if v > median else -1) for i, v in points if v != median]
    useful = len(sides)
    runs: list[list[int]] = []
    previous = 0
    for index, side in sides:
        if side == previous:
            runs[-1].append(index)
        else:
            runs.append([index])
        previous = side
    crossings = max(0, len(runs) - 1)
    longest = max((len(run) for run in runs), default=0)
    run_limit = round(math.log2(useful) + 3) if useful >= 1 else None
    cross_limit = binomial_lower_5th(useful - 1) if useful >= 2 else None
    long_runs = [run for run in runs if run_limit is not None and len(run) > run_limit]
    return RunAnalysis(
        median=median,
        useful=useful,
        longest_run=longest,
        longest_run_limit=run_limit,
        crossings=crossings,
        crossings_limit=cross_limit,
        run_points=tuple(i for run in long_runs for i in run),
    )
