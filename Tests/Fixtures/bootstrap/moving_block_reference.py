# Independent moving-block bootstrap (numpy, its own RNG) for BlockBootstrapTests.
# Run: python3 moving_block_reference.py  (numpy 2.4.6) -> 0.0916310323762981 0.11746426351771287
import numpy as np
rng = np.random.default_rng(12345)
base = [100, 104, 98, 101, 107, 99, 103, 100, 96, 102, 105, 101, 98, 100, 103, 99]
cand = [110, 108, 115, 109, 112, 118, 107, 111, 113, 109, 116, 110, 108, 114, 112, 111]
def resample(x, L=3):
    x = np.asarray(x, float); n = len(x); starts = n - L + 1
    out = []
    while len(out) < n:
        s = rng.integers(0, starts); out.extend(x[s:s+L])
    return np.array(out[:n])
B = 200000
ch = np.empty(B)
for i in range(B):
    b = resample(base).mean(); c = resample(cand).mean(); ch[i] = (c - b) / b
lo, hi = np.quantile(ch, [0.025, 0.975])
print(repr(lo), repr(hi))
