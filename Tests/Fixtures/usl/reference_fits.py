# Independent reference fits for USLFitTests (scipy, not our code).
# Run: python3 reference_fits.py   (needs numpy and scipy: pip install scipy)
# Data sets: R package usl's bundled `specsdm91` and `raytracer` (Gunther, Guerrilla Capacity
# Planning, 2007), plus the synthetic set generated in the test.
import numpy as np
from scipy.optimize import least_squares
from scipy.stats import t

DATA = {
    "specsdm91": ([1, 18, 36, 72, 108, 144, 216],
                  [64.9, 995.9, 1652.4, 1853.2, 1828.9, 1775.0, 1702.2]),
    "raytracer": ([1, 4, 8, 12, 16, 20, 24, 28, 32, 48, 64],
                  [20, 78, 130, 170, 190, 200, 210, 230, 260, 280, 310]),
}

def usl(p, n):
    s, k, l = p
    return l * n / (1 + s * (n - 1) + k * n * (n - 1))

def fit(n, x):
    n = np.asarray(n, float); x = np.asarray(x, float)
    best = None
    for s0, k0 in ((0.01, 1e-4), (0.1, 0.01)):
        r = least_squares(lambda p: usl(p, n) - x, [s0, k0, max(x / n)], method="trf",
                          bounds=([0, 0, 1e-12], [1, 1, np.inf]), xtol=1e-15, ftol=1e-15, gtol=1e-15,
                          max_nfev=100000)
        if best is None or r.cost < best.cost:
            best = r
    df = len(n) - 3
    rss = 2 * best.cost
    cov = np.linalg.inv(best.jac.T @ best.jac) * rss / df
    se = np.sqrt(np.diag(cov))
    q = t.ppf(0.975, df)
    s, k, l = best.x
    print(f"sigma={s:.10g} kappa={k:.10g} lambda={l:.10g} rss={rss:.10g}")
    print(f"  se={se[0]:.6g},{se[1]:.6g},{se[2]:.6g} t={q:.10g}")
    print(f"  fitted={np.round(usl(best.x, n), 1).tolist()}")
    if k > 0:
        print(f"  nstar={np.sqrt((1 - s) / k):.10g}")

for name, (n, x) in DATA.items():
    print(name)
    fit(n, x)
