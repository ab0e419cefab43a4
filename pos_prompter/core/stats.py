"""The statistics the results need, without scipy: Student's t quantile and the Welch
interval for a difference of two means.

The t distribution function is the regularised incomplete beta function, evaluated by its
continued fraction (Lentz's method, as in Numerical Recipes' `betacf`); the quantile is found
by bisection on it, which is slow by numerical standards (a few hundred evaluations) but
exact to the precision asked and needs nothing but the standard library.

Money stays Decimal: means, differences and interval ends are Decimal computed from integer
sums of cents; only the t quantile (a statistic, not money) is a float.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, localcontext

_EPS = 1e-15
_TINY = 1e-300
_MAX_ITER = 500


def _beta_cf(a: float, b: float, x: float) -> float:
    """The continued fraction of the incomplete beta function (modified Lentz)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, _MAX_ITER + 1):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < _EPS:
            break
    return h


def betainc(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b), for a, b > 0 and 0 <= x <= 1."""
    if a <= 0 or b <= 0:
        raise ValueError("betainc needs a > 0 and b > 0")
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                 + a * math.log(x) + b * math.log1p(-x))
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_cf(a, b, x) / a
    return 1.0 - front * _beta_cf(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with `df` (> 0, need not be whole) degrees of freedom."""
    if df <= 0:
        raise ValueError("degrees of freedom must be > 0")
    tail = 0.5 * betainc(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The t value below which a share `p` (0 < p < 1) of Student's t(df) lies, by bisection
    on t_cdf to about 1e-12."""
    if not 0.0 < p < 1.0:
        raise ValueError("p must be between 0 and 1")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    if p == 0.5:
        return 0.0
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:  # t(1)'s 0.9995 quantile is 636.6: a few doublings at most
        low, high = high, high * 2.0
    for _ in range(200):
        mid = (low + high) / 2.0
        if t_cdf(mid, df) < p:
            low = mid
        else:
            high = mid
        if high - low <= 1e-12 * max(1.0, high):
            break
    return (low + high) / 2.0


@dataclass(frozen=True, slots=True)
class Sample:
    """A group of order totals, as sums of integer cents (what SQL hands over)."""

    n: int
    total: int
    """Sum of the values, in cents."""
    squares: int
    """Sum of the squared values, in cents squared."""

    def mean(self) -> Decimal:
        """The mean in cents (exact to 28 digits)."""
        with localcontext() as ctx:
            ctx.prec = 40
            return Decimal(self.total) / Decimal(self.n)

    def variance(self) -> Decimal:
        """The sample variance (n - 1 in the denominator), in cents squared; 0 below 2."""
        if self.n < 2:
            return Decimal(0)
        with localcontext() as ctx:
            ctx.prec = 40
            # n*Σx² - (Σx)² is an exact integer: no cancellation error at any size.
            return Decimal(self.n * self.squares - self.total * self.total) / \
                Decimal(self.n * (self.n - 1))


@dataclass(frozen=True, slots=True)
class WelchInterval:
    """Difference of means (a - b) in cents, with its confidence interval."""

    difference: Decimal
    low: Decimal
    high: Decimal
    df: float | None
    """Welch-Satterthwaite degrees of freedom (None when both groups have no spread)."""
    t: float | None


def welch_interval(a: Sample, b: Sample, confidence: float = 0.95) -> WelchInterval:
    """Welch's interval for mean(a) - mean(b): standard error sqrt(s_a²/n_a + s_b²/n_b),
    degrees of freedom by Welch-Satterthwaite, the two-sided t quantile. Needs n >= 2 in
    each group."""
    if a.n < 2 or b.n < 2:
        raise ValueError("Welch's interval needs at least 2 values in each group")
    with localcontext() as ctx:
        ctx.prec = 40
        difference = a.mean() - b.mean()
        va, vb = a.variance() / a.n, b.variance() / b.n
        se2 = va + vb
        if se2 == 0:  # every value the same in each group: no uncertainty left
            return WelchInterval(difference, difference, difference, None, None)
        df_dec = se2 * se2 / (va * va / (a.n - 1) + vb * vb / (b.n - 1))
        df = float(df_dec)
        t = t_quantile(1.0 - (1.0 - confidence) / 2.0, df)
        half = Decimal(repr(t)) * se2.sqrt()
        return WelchInterval(difference, difference - half, difference + half, df, t)
