"""The statistics behind the uplift figures (core.stats), without scipy: Student's t, and
Welch's interval for a difference of two means in cents. Checked against published table
values (to 7 digits, and as a textbook prints them) and by hand; the uplift built on them:
test_results.py."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from pos_prompter.core.stats import Sample, betainc, t_cdf, t_quantile, welch_interval


def sample(*cents: int) -> Sample:
    return Sample(len(cents), sum(cents), sum(c * c for c in cents))


@pytest.mark.parametrize(("p", "df", "table"), [
    (0.975, 1, 12.7062047), (0.975, 2, 4.3026527), (0.975, 10, 2.2281389),
    (0.975, 30, 2.0422725), (0.95, 5, 2.0150484), (0.9995, 1, 636.6192488),
    (0.975, 1e6, 1.9599663)])
def test_t_quantiles_match_the_tables(p: float, df: float, table: float) -> None:
    assert t_quantile(p, df) == pytest.approx(table, rel=1e-7)


# Two-sided 95% (p = 0.975) and 99% (p = 0.995) critical values of Student's t, as printed
# in every statistics textbook's table (rounded to 3 decimals).
T_TABLE = [
    (1, 12.706, 63.657), (2, 4.303, 9.925), (3, 3.182, 5.841), (4, 2.776, 4.604),
    (5, 2.571, 4.032), (10, 2.228, 3.169), (20, 2.086, 2.845), (30, 2.042, 2.750),
    (60, 2.000, 2.660), (120, 1.980, 2.617), (100_000, 1.960, 2.576),
]


@pytest.mark.parametrize(("df", "t975", "t995"), T_TABLE)
def test_t_quantile_matches_the_printed_table(df: int, t975: float, t995: float) -> None:
    assert round(t_quantile(0.975, df), 3) == t975
    assert round(t_quantile(0.995, df), 3) == t995
    assert t_quantile(0.025, df) == pytest.approx(-t_quantile(0.975, df))


def test_t_quantile_for_fractional_degrees_of_freedom_lies_between_its_neighbours() -> None:
    assert t_quantile(0.975, 2) > t_quantile(0.975, 2.5) > t_quantile(0.975, 3)


def test_the_t_distribution_is_symmetric_about_zero() -> None:
    assert t_quantile(0.5, 7) == 0.0
    assert t_quantile(0.025, 10) == pytest.approx(-2.2281389, rel=1e-7)
    assert t_cdf(0.0, 3) == pytest.approx(0.5)
    assert t_cdf(-1.5, 4) == pytest.approx(1 - t_cdf(1.5, 4))
    assert t_cdf(1.0, 1) == pytest.approx(0.75), "Cauchy: atan(1)/pi + 1/2"


def test_the_incomplete_beta_function_at_known_points() -> None:
    assert betainc(1, 1, 0.3) == pytest.approx(0.3), "uniform"
    assert betainc(2, 3, 0.4) == pytest.approx(0.5248)  # sum of C(4, j) x^j (1-x)^(4-j), j = 2..4
    assert betainc(0.5, 0.5, 0.5) == pytest.approx(0.5)
    assert betainc(2, 3, 0.0) == 0.0
    assert betainc(2, 3, 1.0) == 1.0
    with pytest.raises(ValueError, match="a > 0"):
        betainc(0, 1, 0.5)


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        t_quantile(1.0, 5)
    with pytest.raises(ValueError, match="degrees of freedom"):
        t_cdf(1.0, 0)
    with pytest.raises(ValueError, match="at least 2 values"):
        welch_interval(sample(100), sample(100, 200))


def test_mean_and_variance_are_exact_from_sums_of_cents() -> None:
    s = sample(100, 200, 600)
    assert s.mean() == Decimal(300)
    assert s.variance() == Decimal(70000)  # ((-200)² + (-100)² + 300²) / 2
    assert sample(500).variance() == 0
    big = sample(10**12 + 1, 10**12 + 3)
    assert big.variance() == Decimal(2), "no cancellation error at any size"


def test_welchs_interval_by_hand() -> None:
    a, b = sample(100, 200, 600), sample(100, 100, 100, 300)
    interval = welch_interval(a, b)
    assert interval.difference == Decimal(150)
    va, vb = 70000 / 3, 10000 / 4
    df = (va + vb) ** 2 / (va**2 / 2 + vb**2 / 3)
    assert interval.df == pytest.approx(df)
    half = t_quantile(0.975, df) * math.sqrt(va + vb)
    assert float(interval.low) == pytest.approx(150 - half)
    assert float(interval.high) == pytest.approx(150 + half)
    assert interval.low < 0 < interval.high, "three orders each: no sure difference"


def test_welch_with_no_spread_is_the_difference_itself() -> None:
    interval = welch_interval(sample(*[500] * 30), sample(*[300] * 30))
    assert (interval.difference, interval.low, interval.high) == (200, 200, 200)


def test_welch_equal_groups_use_2n_minus_2_degrees_of_freedom() -> None:
    interval = welch_interval(sample(100, 200, 300, 400), sample(50, 150, 250, 350))
    assert interval.df == pytest.approx(6)  # equal n and variance: Welch = Student
    assert interval.difference == 50
    # s² = 16666.67 each; se = sqrt(2 * 16666.67 / 4) = 91.287; t(6) = 2.447
    assert float(interval.high - interval.difference) == pytest.approx(2.4469 * 91.287, rel=1e-3)


def test_groups_without_spread_have_a_point_interval() -> None:
    interval = welch_interval(sample(500, 500), sample(300, 300, 300))
    assert (interval.difference, interval.low, interval.high) == (200, 200, 200)
    assert interval.df is None
    assert interval.t is None
