"""Crisis signals (복지 사각지대 발굴 위기정보): job loss, business closure, loss of the main
earner, utility cut-offs and serious illness, each with the date it was recorded.

Events come from what happened to the person in the synthetic world (the economy's job
losses and closures, the resident registry's deaths), so the feed agrees with the earnings;
the feed is incomplete (≈90% of events reach it). Cut-offs follow §8 (≈150k 단전 a year ≈
0.65% of households), concentrated on poor households.
"""

from __future__ import annotations

import numpy as np

from .config import REFERENCE_DATE, days, window_months
from .economy import Economy
from .population import Spine

EVENTS = ("job_loss", "business_closure", "main_earner_loss", "utility_cutoff", "serious_illness")
FEED_COMPLETENESS = 0.9

_MONTH_START = np.array([days(m) for m in window_months()], np.int32)
_REF = days(REFERENCE_DATE)


def _in_month(rng: np.random.Generator, month: np.ndarray) -> np.ndarray:
    return _MONTH_START[month] + rng.integers(0, 28, len(month)).astype(np.int32)


def _in_window(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.integers(int(_MONTH_START[0]), _REF, n).astype(np.int32)


def events(rng: np.random.Generator, s: Spine, econ: Economy, poor_household: np.ndarray,
           catastrophic: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(person index, event index, event day) of every recorded event."""
    persons, kinds, dates = [], [], []

    def add(idx: np.ndarray, kind: int, day: np.ndarray) -> None:
        keep = rng.random(len(idx)) < FEED_COMPLETENESS
        persons.append(idx[keep])
        kinds.append(np.full(int(keep.sum()), kind, np.int8))
        dates.append(day[keep])

    lost = np.flatnonzero(econ.job_loss_month >= 0)
    add(lost, 0, _in_month(rng, econ.job_loss_month[lost]))
    closed = np.flatnonzero(econ.closure_month >= 0)
    add(closed, 1, _in_month(rng, econ.closure_month[closed]))

    # Main earner lost: a member who died in the window and earned the most in the household
    # (detention and disappearance add a small random share of households).
    income = econ.earned.sum(axis=1) + econ.business.sum(axis=1) + econ.daily.sum(axis=1)
    n_hh = len(s.p.template)
    top = np.full(n_hh, -1.0)
    np.maximum.at(top, s.hh, income.astype(np.float64))
    died_top = (s.death >= 0) & (income > 0) & (income >= top[s.hh])
    loss_day = np.full(n_hh, -1, np.int32)
    loss_day[s.hh[died_top]] = s.death[died_top]
    vanished = (loss_day < 0) & (rng.random(n_hh) < 0.0005)
    loss_day[vanished] = _in_window(rng, int(vanished.sum()))
    survivors = np.flatnonzero((loss_day[s.hh] >= 0) & (s.death < 0) & ~died_top)
    add(survivors, 2, loss_day[s.hh[survivors]])

    head = np.flatnonzero(s.p.role == 0)
    p_cut = np.where(poor_household[s.hh[head]], 0.035, 0.003)
    cut = head[rng.random(len(head)) < p_cut]
    add(cut, 3, _in_window(rng, len(cut)))
    ill = np.flatnonzero(catastrophic)
    add(ill, 4, _in_window(rng, len(ill)))
    return np.concatenate(persons), np.concatenate(kinds), np.concatenate(dates)
