"""Time left in a run, shown so that it never rises and the bar never sits still.

    eta = Eta(expected=42.0)           # the run plan's estimate (core.run_estimate), or None
    eta.update(0.30)                   # on each progress event: the run's own fraction done
    left, shown = eta.tick()           # also once a second between events

The run's own fraction moves in steps of very different length (one classical model for 300
products takes a second, one network an epoch loop of minutes), so "elapsed x (1 - f) / f" alone
jumps and rises: the Best-accuracy run sat at 82-90 % with a rising "about 46 s left" for six
minutes. Here the time left blends the plan's estimate (trusted early) with the observed rate
(trusted as the run goes), and what is shown may only fall: when the run is slower than shown,
the countdown slows down instead of going back up. The bar shows the larger of the run's own
fraction and elapsed / (elapsed + time left), so it keeps moving while a long step runs, and
stops short of 100 % until the run says it is done.
"""
from __future__ import annotations

import time
from collections.abc import Callable

MOST_SHOWN = 0.99  # the bar reaches 100 % only when the run is done


class Eta:
    def __init__(self, expected: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.expected = expected if expected and expected > 0 else None
        self.started = clock()
        self.fraction = 0.0  # the run's own, as reported
        self.left: float | None = None  # seconds left as shown
        self.shown = 0.0  # the bar's fraction as shown
        self._at = self.started  # when `left` was last set

    def update(self, fraction: float) -> tuple[float | None, float]:
        """The run reports `fraction` done; returns (seconds left or None, bar fraction)."""
        self.fraction = max(self.fraction, min(max(fraction, 0.0), 1.0))
        return self.tick()

    def tick(self) -> tuple[float | None, float]:
        now = self.clock()
        elapsed = now - self.started
        target = self._target(elapsed)
        if target is not None:
            if self.left is None:
                self.left = target
            else:
                passed = now - self._at
                counted_down = self.left - passed
                # Faster than shown: follow. Slower: count down only as far as the evidence
                # allows, and hold (never rise) when it says more is left than shown.
                self.left = max(target if target <= counted_down else min(self.left, target),
                                0.0)
            self._at = now
        by_time = elapsed / (elapsed + self.left) if self.left is not None and elapsed > 0 else 0
        bar = 1.0 if self.fraction >= 1.0 else min(max(self.fraction, by_time), MOST_SHOWN)
        self.shown = max(self.shown, bar)
        return self.left, self.shown

    def _target(self, elapsed: float) -> float | None:
        """Seconds left as the evidence says now (None: nothing to say yet)."""
        f = self.fraction
        if f >= 1.0:
            return 0.0
        observed = elapsed * (1 - f) / f if f > 0.02 else None
        if self.expected is None:
            return observed
        planned = max(self.expected - elapsed, 0.0)
        if observed is None:
            return planned
        # The run's fraction counts steps, not seconds (a network's fit is one step of many),
        # so the plan, which counts seconds, is trusted until its time is up.
        trust = min(elapsed / self.expected, 1.0) ** 0.5
        return (1 - trust) * planned + trust * observed
