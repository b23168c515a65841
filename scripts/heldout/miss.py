#!/usr/bin/env python3
"""Show a draft, its label and what the engine found, to study a miss.

usage: miss.py CORPUS_DIR NNN [NNN ...]   (NNN: the draft's number prefix)

Uses target/release/lipzip (or $LIPZIP) with the corpus roster and the scorer's date.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    corpus, *numbers = sys.argv[1:]
    binary = os.environ.get("LIPZIP", os.path.join(ROOT, "target", "release", "lipzip"))
    with open(os.path.join(corpus, "expected.json")) as f:
        labels = json.load(f)["drafts"]
    for number in numbers:
        for name in sorted(labels):
            if not name.startswith(number):
                continue
            path = os.path.join(corpus, "drafts", name)
            print(f"===== {name}")
            with open(path) as f:
                print(f.read().rstrip())
            label = labels[name]
            print(f"----- label: {label['verdict']} {label.get('clients')}: {label.get('why')}")
            out = subprocess.run([binary, "check", "--roster", os.path.join(corpus, "roster.yaml"),
                                  "--today", "2026-11-22", path],
                                 env={**os.environ, "NO_COLOR": "1"},
                                 capture_output=True, text=True)
            print(f"----- engine (exit {out.returncode}):")
            print(out.stdout.rstrip() or out.stderr.rstrip())


if __name__ == "__main__":
    main()
