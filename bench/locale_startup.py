#!/usr/bin/python3
"""Whole-process time of one dfdx command under C.UTF-8 and under ko_KR.UTF-8 (the Korean
catalogue), the two runs alternating so that the load of a shared machine falls on both alike.
usage: bench/locale_startup.py [RUNS] -- DFDX ARGS...   (e.g. 1500 -- build/dfdx 'x^3 - 3*x')"""
import os
import statistics
import subprocess
import sys
import time

args = sys.argv[1:]
runs = int(args[0]) if args and args[0] != "--" else 1000
cmd = args[args.index("--") + 1:] if "--" in args else ["build/dfdx", "x^3 - 3*x"]
locales = ["C.UTF-8", "ko_KR.UTF-8"]
times = {loc: [] for loc in locales}
for _ in range(runs):
    for loc in locales:
        env = dict(os.environ, LC_ALL=loc)
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
        times[loc].append((time.perf_counter() - start) * 1000)
for loc in locales:
    t = sorted(times[loc])
    print(f"{loc:12s} min {t[0]:.3f} ms  p10 {t[len(t) // 10]:.3f} ms  median {statistics.median(t):.3f} ms  ({runs} runs)")
