#!/usr/bin/env python3
"""Verdict diff: which drafts change verdict or client ids between two lipzip binaries.

usage: vdiff.py OLD_BIN NEW_BIN [CORPUS_DIR ...]

Without corpus folders it runs over every folder in corpora/ and the shared dev corpus.
Each changed draft is printed with its label and marked `+` (now matches the label
better), `-` (worse) or `~` (neither), so a change to the engine can be judged on all
corpora at once before the ratchet is run.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RANK = {"pass": 0, "warn": 1, "block": 2}


def run(binary, corpus):
    drafts = os.path.join(corpus, "drafts")
    paths = sorted(os.path.join(drafts, f) for f in os.listdir(drafts))
    out = subprocess.run([binary, "check", "--roster", os.path.join(corpus, "roster.yaml"),
                          "--format", "json", "--today", "2026-11-22", *paths],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"{binary} failed on {corpus}: {out.stderr[-1000:]}")
    result = {}
    for entry in json.loads(out.stdout)["files"]:
        ids = {f["client"] for f in entry.get("findings", [])
               if f.get("client") and not f.get("allowed_by") and f.get("severity") in ("block", "warn")}
        result[os.path.basename(entry["path"])] = (entry["verdict"], ids)
    return result


def badness(label, got):
    verdict, ids = got
    want = set(label.get("clients") or [])
    wrong = len(ids - want) if label["verdict"] != "pass" else 0
    return (abs(RANK[verdict] - RANK[label["verdict"]]), len(want - ids) + wrong)


def main():
    old, new, *corpora = sys.argv[1:]
    if not corpora:
        base = os.path.join(ROOT, "corpora")
        corpora = [os.path.join(base, c) for c in sorted(os.listdir(base))]
        corpora.append(os.path.join(ROOT, "..", "shared", "eval", "dev"))
    better = worse = 0
    for corpus in corpora:
        with open(os.path.join(corpus, "expected.json")) as f:
            labels = json.load(f)["drafts"]
        a, b = run(old, corpus), run(new, corpus)
        for name in sorted(labels):
            if a.get(name) == b.get(name):
                continue
            before, after = badness(labels[name], a[name]), badness(labels[name], b[name])
            mark = "+" if after < before else "-" if after > before else "~"
            better += mark == "+"
            worse += mark == "-"
            label = labels[name]
            print(f"{mark} {os.path.basename(os.path.normpath(corpus))}/{name}: label {label['verdict']} "
                  f"{sorted(label.get('clients') or [])}; {a[name][0]} {sorted(a[name][1])} -> "
                  f"{b[name][0]} {sorted(b[name][1])}")
    print(f"{better} better, {worse} worse")


if __name__ == "__main__":
    main()
