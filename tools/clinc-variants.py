#!/usr/bin/env python3
"""Writes six other datasets from CLINC150 for the experiment (docs/experiment.md): all 150
intents plus out-of-scope, 60 intents of four domains without any out-of-scope row, the ten
domains with a tenth of the training rows (little traffic, as a new installation sees), and the 45
intents of three domains with a long tail (the i-th intent in name order keeps max(2, 100 * 0.8^i)
of its 100 training rows; every third out-of-scope row), and the same long tail in every split
(validation and test keep the same share of each intent's rows, at least one, and about a fifth
of the test split is out of scope: traffic whose questions are as skewed as its training rows, as
ATIS's are), and the four domains' 60 intents again in a stand-in for a language written without
spaces (each word one Han character, the same for the same word, written without spaces: it keeps
the words' statistics and tells MiniLM, trained on English, nothing).

    python3 tools/clinc-variants.py ../shared/data/clinc150/clinc150_flat.jsonl /tmp
"""
import hashlib
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
for name, every_split in (("clinc-long-tail", False), ("clinc-skewed", True)):
    with open(f"{out}/{name}.jsonl", "w", encoding="utf-8") as f:
        domains = ("banking", "travel", "utility")
        intents = sorted({r["intent"] for r in rows if r["domain"] in domains})
        share = {intent: 0.8**i for i, intent in enumerate(intents)}
        per_split = {"train": 100, "val": 20, "test": 30}
        # every third out-of-scope row; in the skewed test split every 24th, about a fifth of it
        kept, oos = {}, 0
        for r in rows:
            if r["split"].startswith("oos"):
                oos += 1
                if oos % (24 if every_split and r["split"] == "oos_test" else 3) == 0:
                    f.write(json.dumps({"text": r["text"], "label": "oos", "split": r["split"]}) + "\n")
                continue
            if r["domain"] not in domains:
                continue
            if r["split"] == "train" or every_split:
                least = 2 if r["split"] == "train" else 1
                keep = max(least, int(per_split[r["split"]] * share[r["intent"]]))
                key = (r["intent"], r["split"])
                kept[key] = kept.get(key, 0) + 1
                if kept[key] > keep:
                    continue
            f.write(json.dumps({"text": r["text"], "label": r["intent"], "split": r["split"]}) + "\n")
with open(f"{out}/clinc-unspaced.jsonl", "w", encoding="utf-8") as f:
    def character(word):
        return chr(0x4E00 + int(hashlib.md5(word.encode()).hexdigest(), 16) % 20000)

    for r in rows:
        if r["domain"] in ("banking", "work", "travel", "home"):
            text = "".join(character(w) for w in r["text"].split())
            split = r["split"].replace("oos_", "")
            f.write(json.dumps({"text": text, "label": r["intent"], "split": split}, ensure_ascii=False) + "\n")
# a stand-in for a language written with spaces that MiniLM splits into known word pieces but does
# not understand: each word becomes a made-up word of two or three syllables, the same each time
with open(f"{out}/clinc-ciphered.jsonl", "w", encoding="utf-8") as f:
    def made_up(word):
        h = int(hashlib.md5(word.lower().encode()).hexdigest(), 16)
        syllables = []
        for _ in range(2 + h % 2):
            h //= 2
            syllables.append("bdfgklmnprstvz"[h % 14] + "aeiou"[(h // 14) % 5])
            h //= 70
        return "".join(syllables)

    for r in rows:
        if r["domain"] in ("banking", "work", "travel", "home"):
            text = " ".join(made_up(w) for w in r["text"].split())
            split = r["split"].replace("oos_", "")
            f.write(json.dumps({"text": text, "label": r["intent"], "split": split}) + "\n")
