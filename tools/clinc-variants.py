#!/usr/bin/env python3
"""Writes four other datasets from CLINC150 for the experiment (docs/experiment.md): all 150
intents plus out-of-scope, 60 intents of four domains without any out-of-scope row, the ten
domains with a tenth of the training rows (little traffic, as a new installation sees), and the 45
intents of three domains with a long tail (the i-th intent in name order keeps max(2, 100 * 0.8^i)
of its 100 training rows; every third out-of-scope row).

    python3 tools/clinc-variants.py ../shared/data/clinc150/clinc150_flat.jsonl /tmp
"""
import json
import sys

source, out = sys.argv[1], sys.argv[2]
rows = [json.loads(line) for line in open(source, encoding="utf-8")]
with open(f"{out}/clinc-intents.jsonl", "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps({"text": r["text"], "label": r["intent"], "split": r["split"]}) + "\n")
with open(f"{out}/clinc-4domains-no-oos.jsonl", "w", encoding="utf-8") as f:
    for r in rows:
        if r["domain"] in ("banking", "work", "travel", "home"):
            split = r["split"].replace("oos_", "")
            f.write(json.dumps({"text": r["text"], "label": r["intent"], "split": split}) + "\n")
with open(f"{out}/clinc-small.jsonl", "w", encoding="utf-8") as f:
    train = 0
    for r in rows:
        if r["split"] in ("train", "oos_train"):
            train += 1
            if train % 10:
                continue
        f.write(json.dumps({"text": r["text"], "domain": r["domain"], "split": r["split"]}) + "\n")
with open(f"{out}/clinc-long-tail.jsonl", "w", encoding="utf-8") as f:
    domains = ("banking", "travel", "utility")
    intents = sorted({r["intent"] for r in rows if r["domain"] in domains})
    keep = {intent: max(2, int(100 * 0.8**i)) for i, intent in enumerate(intents)}
    kept, oos = {}, 0
    for r in rows:
        if r["split"].startswith("oos"):
            oos += 1
            if oos % 3 == 0:
                f.write(json.dumps({"text": r["text"], "label": "oos", "split": r["split"]}) + "\n")
            continue
        if r["domain"] not in domains:
            continue
        if r["split"] == "train":
            kept[r["intent"]] = kept.get(r["intent"], 0) + 1
            if kept[r["intent"]] > keep[r["intent"]]:
                continue
        f.write(json.dumps({"text": r["text"], "label": r["intent"], "split": r["split"]}) + "\n")
