"""The p-chart and Anhøj's run rules against cases worked by hand."""

from __future__ import annotations

import math

import pytest

from coproduce.quality import spc


def test_p_chart_centre_and_limits_vary_with_each_periods_n() -> None:
    # Improved / followed up per period: 10/50, 12/50, 30/50, 11/50, an empty period, 1/2.
    events, totals = [10, 12, 30, 11, 0, 1], [50, 50, 50, 50, 0, 2]
    centre = spc.p_centre(events, totals)
    # Pooled over the periods with patients: 64 / 202.
    assert centre == pytest.approx(64 / 202) == pytest.approx(0.316832, abs=1e-6)
    # n = 50: sigma = sqrt(0.316832 * 0.683168 / 50) = 0.065795; 3 sigma = 0.197385.
    fifty = spc.p_limits(10, 50, centre)
    assert fifty is not None
    assert fifty.lower == pytest.approx(0.119447, abs=1e-6)
    assert fifty.upper == pytest.approx(0.514217, abs=1e-6)
    assert fifty.signal is None  # 0.20 is inside
    above = spc.p_limits(30, 50, centre)
    assert above is not None and above.signal == "above"  # 0.60 > 0.514
    # n = 2: 3 sigma = 0.98693, so the limits clip at 0 and 1 and nothing can signal.
    small = spc.p_limits(1, 2, centre)
    assert small is not None and (small.lower, small.upper) == (0.0, 1.0)
    assert small.signal is None
    assert spc.p_limits(0, 0, centre) is None  # an empty period has no limits
    below = spc.p_limits(0, 50, centre)
    assert below is not None and below.signal == "below"


def test_no_patients_means_no_centre_line() -> None:
    assert spc.p_centre([0, 0], [0, 0]) is None


@pytest.mark.parametrize(
    ("trials", "expected"),
    # R: qbinom(0.05, n - 1, 0.5), Anhøj's table of critical values for crossings.
    [(9, 2), (11, 3), (15, 4), (19, 6), (23, 8), (29, 10)],
)
def test_the_crossings_limit_is_the_binomial_5th_percentile(trials: int, expected: int) -> None:
    assert spc.binomial_lower_5th(trials) == expected


def test_a_steady_climb_has_too_few_crossings() -> None:
    # Median 5.5: five below, five above; one crossing. n = 10: run limit round(log2 10 + 3)
    # = 6, crossings limit 2. Longest run 5 (no signal); 1 crossing < 2 (signal).
    runs = spc.anhoej([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    assert runs.median == 5.5
    assert (runs.useful, runs.longest_run, runs.crossings) == (10, 5, 1)
    assert (runs.longest_run_limit, runs.crossings_limit) == (6, 2)
    assert runs.few_crossings and not runs.long_run and runs.signal


def test_a_shift_is_a_run_too_long_and_its_points_are_marked() -> None:
    values: list[float | None] = [4, 5, 4, 5, 4, 5, 4, 5, 6, 7, 8, 9, 8, 7, 9, 8]
    # Median (5 + 6) / 2 = 5.5: eight below then eight above. n = 16: run limit
    # round(4 + 3) = 7, so both runs of 8 signal; 1 crossing < qbinom(0.05, 15, 0.5) = 4.
    runs = spc.anhoej(values)
    assert runs.longest_run == 8 and runs.longest_run_limit == 7
    assert runs.long_run and runs.run_points == tuple(range(16))


def test_points_on_the_median_and_empty_periods_are_not_useful() -> None:
    # Median 3: the two 3s are neither above nor below; None is an empty period.
    runs = spc.anhoej([1, None, 3, 5, 3, 2, 4])
    assert runs.median == 3
    assert runs.useful == 4  # 1, 5, 2, 4
    assert runs.crossings == 3  # below, above, below, above
    assert runs.longest_run == 1
    assert runs.longest_run_limit == round(math.log2(4) + 3) == 5
    assert not runs.signal


def test_no_points_no_rules() -> None:
    runs = spc.anhoej([None, None])
    assert runs.median is None and runs.useful == 0 and not runs.signal
