#!/usr/bin/env python3
"""Where the CPU went in a JFR recording: the share of execution samples in which each method is on
the stack (inclusive) and on top (self), for the threads whose name matches a pattern.

Usage: jfr print --json --stack-depth 96 --events jdk.ExecutionSample rec.jfr \
         | tools/jfr-hot.py [thread-pattern] [rows]
"""
import collections
import json
import re
import sys

pattern = re.compile(sys.argv[1] if len(sys.argv) > 1 else ".")
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 40
events = json.load(sys.stdin)["recording"]["events"]
inclusive = collections.Counter()
self_time = collections.Counter()
samples = 0
for e in events:
    v = e["values"]
    thread = (v.get("sampledThread") or {}).get("javaName") or ""
    if not pattern.search(thread):
        continue
    frames = (v.get("stackTrace") or {}).get("frames") or []
    names = []
    for f in frames:
        m = f["method"]
        names.append(m["type"]["name"] + "." + m["name"])
    if not names:
        continue
    samples += 1
    self_time[names[0]] += 1
    for n in set(names):
        inclusive[n] += 1
print(f"{samples} samples on threads matching {pattern.pattern!r}")
print("\ninclusive (on the stack)")
for n, c in inclusive.most_common(rows):
    print(f"{100 * c / samples:5.1f}%  {n}")
print("\nself (on top)")
for n, c in self_time.most_common(rows // 2):
    print(f"{100 * c / samples:5.1f}%  {n}")
