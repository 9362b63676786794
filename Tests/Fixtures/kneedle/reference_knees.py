# Reference knees for KneedleTests from kneed 0.9.0 (pip install kneed), S=1, interp1d, offline.
# Run: python3 reference_knees.py
import numpy as np
from kneed import KneeLocator

cases = {
    # Satopää et al. 2011, Figure 2: y = -1/(x + 0.1) + 5 on 10 points in [0, 1].
    "figure2": (np.linspace(0.0, 1, 10), -1 / (np.linspace(0.0, 1, 10) + 0.1) + 5, "concave", "increasing"),
    # kneed's test data: convex increasing, and concave decreasing.
    "convex_increasing": (np.arange(10), np.array([1, 2, 3, 4, 5, 10, 15, 20, 40, 100]), "convex", "increasing"),
    "concave_decreasing": (np.arange(10), np.array([99, 98, 97, 96, 95, 90, 85, 80, 60, 0]), "concave", "decreasing"),
    # The corpus stepped run (README per-step table): X(N) and p95(N).
    "stepped_throughput": (np.array([10, 20, 40, 60, 80, 100, 150, 200]),
                           np.array([7.0, 12.9, 25.4, 38.8, 48.2, 58.5, 68.2, 66.5]), "concave", "increasing"),
    "stepped_p95": (np.array([10, 20, 40, 60, 80, 100, 150, 200]),
                    np.array([211, 219, 219, 264, 595, 619, 1321, 2193]), "convex", "increasing"),
}
for name, (x, y, curve, direction) in cases.items():
    k = KneeLocator(x, y, S=1.0, curve=curve, direction=direction, interp_method="interp1d")
    print(name, k.knee)
