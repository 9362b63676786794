#!/usr/bin/env python3
"""Independent truth for the seed-quota fixtures: sums the limits of the pods read from the YAML files
(PyYAML) and replays vps-quota by hand. Prints the used limits when the quota is created, the refusal of
the probe pod and of Django's 4th (peak) pod, and, with the quota in force from the start, every pod
refused in manifest order. Run: python3 truth.py"""
import glob, yaml

def milli(q):
    q = str(q)
    return int(q[:-1]) if q.endswith("m") else int(float(q) * 1000)

def mib(q):
    q = str(q)
    return int(q[:-2]) * 1024 if q.endswith("Gi") else int(q[:-2])

def fmt_cpu(m):
    return f"{m // 1000}" if m % 1000 == 0 else f"{m}m"

def fmt_mem(mi):
    return f"{mi // 1024}Gi" if mi % 1024 == 0 else f"{mi}Mi"

pods = []  # (workload, ordinal, limit cpu m, limit memory Mi)
for path in sorted(glob.glob("0[12]-*.yaml")):
    for doc in yaml.safe_load_all(open(path)):
        limits = doc["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"]
        for i in range(doc["spec"]["replicas"]):
            pods.append((doc["metadata"]["name"], i + 1, milli(limits["cpu"]), mib(limits["memory"])))
hard_cpu, hard_mem = 6000, 8 * 1024
used_cpu = sum(p[2] for p in pods)
used_mem = sum(p[3] for p in pods)
print(f"pods before the quota: {len(pods)}; used limits.cpu={fmt_cpu(used_cpu)},limits.memory={fmt_mem(used_mem)}")
for name, cpu, mem in [("connectivity-probe", 500, 512), ("django pod 4 (peak)", 1000, 1024)]:
    print(f"{name}: exceeded quota: vps-quota, requested: limits.cpu={fmt_cpu(cpu)},limits.memory={fmt_mem(mem)}, "
          f"used: limits.cpu={fmt_cpu(used_cpu)},limits.memory={fmt_mem(used_mem)}, limited: limits.cpu=6,limits.memory=8Gi")
print("quota in force from the start:")
cpu = mem = 0
admitted = 0
for name, ordinal, c, m in pods + [("connectivity-probe", 1, 500, 512)]:
    over = [k for k, new, hard in (("limits.cpu", cpu + c, hard_cpu), ("limits.memory", mem + m, hard_mem)) if new > hard]
    if over:
        req = ",".join(f"{k}={fmt_cpu(c) if k == 'limits.cpu' else fmt_mem(m)}" for k in over)
        usd = ",".join(f"{k}={fmt_cpu(cpu) if k == 'limits.cpu' else fmt_mem(mem)}" for k in over)
        lim = ",".join("limits.cpu=6" if k == "limits.cpu" else "limits.memory=8Gi" for k in over)
        print(f"  {name} pod {ordinal}: exceeded quota: vps-quota, requested: {req}, used: {usd}, limited: {lim}")
    else:
        cpu, mem, admitted = cpu + c, mem + m, admitted + 1
print(f"  admitted {admitted}, used limits.cpu={fmt_cpu(cpu)},limits.memory={fmt_mem(mem)}")
