#!/usr/bin/env python3
"""Writes StackFAQ as an intent dataset for the experiment (docs/experiment.md): each of the 125
FAQ documents is a label (its question, as the label's name and so the teacher's description),
each of the 1,249 paraphrased queries a row. Every row is in the train split, so the experiment
carves its validation and test splits itself.

    python3 tools/stackfaq-intents.py ../shared/data/stackfaq /tmp
"""
import json
import sys

source, out = sys.argv[1], sys.argv[2]
names = {}
for line in open(f"{source}/stackfaq_docs.jsonl", encoding="utf-8"):
    doc = json.loads(line)
    names[doc["doc_id"]] = doc["question"].strip()[:80]
with open(f"{out}/stackfaq-intents.jsonl", "w", encoding="utf-8") as f:
    for line in open(f"{source}/stackfaq_queries.jsonl", encoding="utf-8"):
        q = json.loads(line)
        label = names[q["relevant_doc_id"]]
        f.write(json.dumps({"text": q["query"], "label": label, "split": "train"}) + "\n")
