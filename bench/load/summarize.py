#!/usr/bin/env python3
"""Summarizes a bench/load/run.sh output folder: one row per target and connection count (the mean
of its runs; errors summed), ratios against nginx and the seed stack, and the issue's targets."""
import glob
import os
import re
import sys

out = sys.argv[1]
TARGETS = ["fraudops", "nginx", "seed"]
rows = {}
for target in TARGETS:
    for f in sorted(glob.glob(os.path.join(out, target, "run*_c*.txt"))):
        m = re.search(r"run(\d+)_c(\d+)\.txt$", f)
        if not m:
            continue
        conns = int(m.group(2))
        text = open(f).read()
        r = re.search(r"^RESULT (.*)$", text, re.M)
        if not r:
            continue
        kv = dict(p.split("=") for p in r.group(1).split())
        rows.setdefault((target, conns), []).append(kv)


def agg(target, conns):
    runs = rows.get((target, conns))
    if not runs:
        return None
    mean = lambda k: sum(float(x[k]) for x in runs) / len(runs)
    return {
        "rps": mean("rps"),
        "p50": mean("p50_ms"),
        "p99": mean("p99_ms"),
        "errors": sum(int(x["non2xx"]) + int(x["sock_err"]) for x in runs),
        "runs": len(runs),
    }


conns_all = sorted({c for (_, c) in rows})
print("| target | conns | runs | req/s | p50 ms | p99 ms | errors | req/s vs nginx | req/s vs seed | p99 vs nginx |")
print("|---|---|---|---|---|---|---|---|---|---|")
for target in TARGETS:
    for c in conns_all:
        a = agg(target, c)
        if not a:
            continue
        n = agg("nginx", c)
        s = agg("seed", c)
        vs_n = f"{a['rps'] / n['rps']:.2f}" if n else "-"
        vs_s = f"{a['rps'] / s['rps']:.0f}×" if s and s["rps"] > 0 else "-"
        p99_n = f"{a['p99'] / n['p99']:.2f}" if n and n["p99"] > 0 else "-"
        print(f"| {target} | {c} | {a['runs']} | {a['rps']:,.0f} | {a['p50']:.3f} | {a['p99']:.3f} | {a['errors']} | {vs_n} | {vs_s} | {p99_n} |")

f64, n64, s64, f1 = agg("fraudops", 64), agg("nginx", 64), agg("seed", 64), agg("fraudops", 1)
print()
print("| target (issue 7) | measured | pass |")
print("|---|---|---|")


def check(name, ok, measured):
    print(f"| {name} | {measured} | {'PASS' if ok else 'FAIL'} |")


if f64 and n64:
    check("throughput at 64 conns ≥ 50% of nginx", f64["rps"] >= 0.5 * n64["rps"], f"{f64['rps'] / n64['rps']:.0%}")
    check("p99 at 64 conns ≤ 2× nginx's", f64["p99"] <= 2 * n64["p99"], f"{f64['p99'] / n64['p99']:.2f}×")
if f64 and s64 and s64["rps"] > 0:
    check("throughput at 64 conns ≥ 300× the seed stack", f64["rps"] >= 300 * s64["rps"], f"{f64['rps'] / s64['rps']:.0f}×")
if f1:
    check("p50 at 1 connection < 1 ms", f1["p50"] < 1.0, f"{f1['p50']:.3f} ms")
errs = sum(agg("fraudops", c)["errors"] for c in conns_all if agg("fraudops", c))
check("zero errors (fraudops)", errs == 0, str(errs))
for name in ("uptime-before.txt", "uptime-after.txt"):
    p = os.path.join(out, name)
    if os.path.exists(p):
        print(f"\n{open(p).read().strip()}")
