"""Exact money arithmetic on numpy int64 arrays.

OpenFisca's parameters are floats and its usual idiom is `round_(amount * rate)` on float32
money, with numpy's round-half-to-even. Korean benefit rules round half-up to the won, and
the amounts here (property in 억 won) do not fit float32 exactly. So, as a careful country
package would, money is int64 (see `Money`) and every product with a rate is computed on the
exact decimal the float parameter stands for: `Fraction(repr(rate))` gives back "0.0417" as
417/10000, and the rounding is done in integer arithmetic. This costs the same numpy work as
the float idiom (a multiply and a floor division per product)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

I64 = np.int64


def exact(rate: float | int | Fraction) -> Fraction:
    """The exact decimal behind a float parameter (0.0417 → 417/10000)."""
    if isinstance(rate, Fraction):
        return rate
    if isinstance(rate, (bool, np.bool_)):
        raise TypeError("a rate, not a boolean")
    if isinstance(rate, (int, np.integer)):
        return Fraction(int(rate))
    return Fraction(repr(float(rate)))


def div_round(num: np.ndarray, den: int) -> np.ndarray:
    """num / den rounded half-up (towards +inf on ties), den > 0."""
    return (num * 2 + den) // (den * 2)


def mul_round(x: np.ndarray, rate: float | Fraction) -> np.ndarray:
    """x × rate rounded half-up to a whole won."""
    f = exact(rate)
    return div_round(np.asarray(x, dtype=I64) * f.numerator, f.denominator)


def round_down(x: np.ndarray, step: int) -> np.ndarray:
    """Cut to a multiple of `step` (기초연금법 제24조: amounts under 10 won are dropped)."""
    return (x // step) * step


def ceil_div(num: np.ndarray, den: np.ndarray | int) -> np.ndarray:
    return -((-num) // den)


def isum(group, array: np.ndarray) -> np.ndarray:
    """A group entity's sum of a person array, back as int64.

    OpenFisca sums with numpy.bincount, which returns float64; int64 money below 2**53 won
    (9 × 10^15) goes through exactly."""
    return group.sum(array).astype(I64)
