#!/usr/bin/env python3
"""Writes three other datasets from CLINC150 for the experiment (docs/experiment.md): all 150
intents plus out-of-scope, 60 intents of four domains without any out-of-scope row, and the ten
domains with a tenth of the training rows (little traffic, as a new installation sees).

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
