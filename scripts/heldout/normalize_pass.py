#!/usr/bin/env python3
"""Move consented client lists on pass drafts into `why`, before a held-out corpus is scored.

usage: normalize_pass.py CORPUS_DIR

SCHEMA.md asks for client ids on block and warn drafts only. Writers often list the
clients a pass draft names with consent; the scorer would then count those ids as
missed attributions. This moves each such list into the label's `why` (verdicts are
never touched) and rewrites expected.yaml and expected.json together. Prints how many
labels moved.
"""
import json
import os
import sys

import yaml


def main():
    corpus = sys.argv[1]
    path = os.path.join(corpus, "expected.yaml")
    with open(path) as f:
        doc = yaml.safe_load(f)
    moved = 0
    for label in doc["drafts"].values():
        ids = label.get("clients") or []
        if label.get("verdict") == "pass" and ids:
            why = (label.get("why") or "").rstrip()
            label["why"] = f"{why} (Clients named, consent covers them: {', '.join(ids)}.)".strip()
            label["clients"] = []
            moved += 1
    with open(path, "w") as f:
        yaml.safe_dump(doc, f, sort_keys=False, allow_unicode=True, width=120)
    with open(os.path.join(corpus, "expected.json"), "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(moved)


if __name__ == "__main__":
    main()
