"""Reference for MeanCIIntervalTests.bernsteinAgainstMpmath: the two-sided empirical Bernstein
interval (Maurer & Pontil 2009, Thm 4, at delta/2 a side) at 50 digits."""
from mpmath import mp, mpf, log, sqrt

mp.dps = 50
xs = [mpf(0)] * 60 + [mpf("0.5")] * 100 + [mpf(1)] * 40
n = len(xs)
mean = sum(xs) / n
variance = sum((x - mean) ** 2 for x in xs) / (n - 1)
L = log(4 / mpf("0.05"))
radius = sqrt(2 * variance * L / n) + 7 * L / (3 * (n - 1))
print(mean - radius)
print(mean + radius)
