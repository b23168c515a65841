#!/usr/bin/env python3
"""Detection ratchet: score lipzip on the shared dev corpus and on our own corpora, and fail
when any figure is worse than the floor committed in .ci/floors.json.

usage: ratchet.py BIN [--update]   (--update rewrites the floors from this run's figures)
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCORE = os.path.join(ROOT, "..", "shared", "eval", "score.py")
CORPORA = {
    "dev": os.path.join(ROOT, "..", "shared", "eval", "dev"),
    "example": os.path.join(ROOT, "corpora", "example"),
    "physio": os.path.join(ROOT, "corpora", "physio"),
    "salon": os.path.join(ROOT, "corpora", "salon"),
    "trainer": os.path.join(ROOT, "corpora", "trainer"),
    "spa": os.path.join(ROOT, "corpora", "spa"),
    "counsel": os.path.join(ROOT, "corpora", "counsel"),
    "chiro": os.path.join(ROOT, "corpora", "chiro"),
    "barber": os.path.join(ROOT, "corpora", "barber"),
    "prairie": os.path.join(ROOT, "corpora", "prairie"),
    "studio": os.path.join(ROOT, "corpora", "studio"),
    "kids": os.path.join(ROOT, "corpora", "kids"),
    "medspa": os.path.join(ROOT, "corpora", "medspa"),
    "village": os.path.join(ROOT, "corpora", "village"),
    "footy": os.path.join(ROOT, "corpora", "footy"),
    "podiatry": os.path.join(ROOT, "corpora", "podiatry"),
    "pilates": os.path.join(ROOT, "corpora", "pilates"),
    "kiwi": os.path.join(ROOT, "corpora", "kiwi"),
    "nails": os.path.join(ROOT, "corpora", "nails"),
    "ski": os.path.join(ROOT, "corpora", "ski"),
    "bayou": os.path.join(ROOT, "corpora", "bayou"),
    "irish": os.path.join(ROOT, "corpora", "irish"),
    "tattoo": os.path.join(ROOT, "corpora", "tattoo"),
    "wales": os.path.join(ROOT, "corpora", "wales"),
    "desert": os.path.join(ROOT, "corpora", "desert"),
    "outport": os.path.join(ROOT, "corpora", "outport"),
    "borders": os.path.join(ROOT, "corpora", "borders"),
    "karoo": os.path.join(ROOT, "corpora", "karoo"),
    "munnar": os.path.join(ROOT, "corpora", "munnar"),
    "maui": os.path.join(ROOT, "corpora", "maui"),
    "amish": os.path.join(ROOT, "corpora", "amish"),
    "quebec": os.path.join(ROOT, "corpora", "quebec"),
    "barbados": os.path.join(ROOT, "corpora", "barbados"),
    "alaska": os.path.join(ROOT, "corpora", "alaska"),
    "hollow": os.path.join(ROOT, "corpora", "hollow"),
    "valley": os.path.join(ROOT, "corpora", "valley"),
    "lagos": os.path.join(ROOT, "corpora", "lagos"),
    "geordie": os.path.join(ROOT, "corpora", "geordie"),
    "ipoh": os.path.join(ROOT, "corpora", "ipoh"),
    "cornwall": os.path.join(ROOT, "corpora", "cornwall"),
    "rgv": os.path.join(ROOT, "corpora", "rgv"),
    "cebu": os.path.join(ROOT, "corpora", "cebu"),
    "doula": os.path.join(ROOT, "corpora", "doula"),
    "pilbara": os.path.join(ROOT, "corpora", "pilbara"),
    "coal": os.path.join(ROOT, "corpora", "coal"),
    "villages": os.path.join(ROOT, "corpora", "villages"),
    "hebrides": os.path.join(ROOT, "corpora", "hebrides"),
    "dearborn": os.path.join(ROOT, "corpora", "dearborn"),
    "punjab": os.path.join(ROOT, "corpora", "punjab"),
    "navy": os.path.join(ROOT, "corpora", "navy"),
    "gozo": os.path.join(ROOT, "corpora", "gozo"),
    "rodeo": os.path.join(ROOT, "corpora", "rodeo"),
    "fjord": os.path.join(ROOT, "corpora", "fjord"),
    "nairobi": os.path.join(ROOT, "corpora", "nairobi"),
    "borough": os.path.join(ROOT, "corpora", "borough"),
    "campus": os.path.join(ROOT, "corpora", "campus"),
    "newmarket": os.path.join(ROOT, "corpora", "newmarket"),
    "jackowo": os.path.join(ROOT, "corpora", "jackowo"),
    "crete": os.path.join(ROOT, "corpora", "crete"),
    "handles": os.path.join(ROOT, "corpora", "handles"),
    "saigon": os.path.join(ROOT, "corpora", "saigon"),
    "atacama": os.path.join(ROOT, "corpora", "atacama"),
    "nashville": os.path.join(ROOT, "corpora", "nashville"),
    "oilsands": os.path.join(ROOT, "corpora", "oilsands"),
    "hague": os.path.join(ROOT, "corpora", "hague"),
    "cruise": os.path.join(ROOT, "corpora", "cruise"),
    "hmong": os.path.join(ROOT, "corpora", "hmong"),
    "ptown": os.path.join(ROOT, "corpora", "ptown"),
    "utah": os.path.join(ROOT, "corpora", "utah"),
    "film": os.path.join(ROOT, "corpora", "film"),
    "bavaria": os.path.join(ROOT, "corpora", "bavaria"),
    "koreatown": os.path.join(ROOT, "corpora", "koreatown"),
    "azores": os.path.join(ROOT, "corpora", "azores"),
    "dubai": os.path.join(ROOT, "corpora", "dubai"),
    "vetclinic": os.path.join(ROOT, "corpora", "vetclinic"),
    "sheitel": os.path.join(ROOT, "corpora", "sheitel"),
    "banya": os.path.join(ROOT, "corpora", "banya"),
    "somali": os.path.join(ROOT, "corpora", "somali"),
    "shore": os.path.join(ROOT, "corpora", "shore"),
    "hillcountry": os.path.join(ROOT, "corpora", "hillcountry"),
    "haiti": os.path.join(ROOT, "corpora", "haiti"),
    "chinatown": os.path.join(ROOT, "corpora", "chinatown"),
    "vegas": os.path.join(ROOT, "corpora", "vegas"),
    "khumbu": os.path.join(ROOT, "corpora", "khumbu"),
    "iqaluit": os.path.join(ROOT, "corpora", "iqaluit"),
    "rio": os.path.join(ROOT, "corpora", "rio"),
    "osaka": os.path.join(ROOT, "corpora", "osaka"),
    "mooresville": os.path.join(ROOT, "corpora", "mooresville"),
    "monaco": os.path.join(ROOT, "corpora", "monaco"),
    "apia": os.path.join(ROOT, "corpora", "apia"),
    "chinle": os.path.join(ROOT, "corpora", "chinle"),
    "atlanta": os.path.join(ROOT, "corpora", "atlanta"),
    "reykjavik": os.path.join(ROOT, "corpora", "reykjavik"),
    "ponce": os.path.join(ROOT, "corpora", "ponce"),
    "gullah": os.path.join(ROOT, "corpora", "gullah"),
    "duluth": os.path.join(ROOT, "corpora", "duluth"),
}
HIGHER = ["block_recall", "leak_caught", "client_recall", "exact_verdict"]
LOWER = ["false_block", "false_alarm", "wrong_client_ids"]


def main():
    binary, update = sys.argv[1], "--update" in sys.argv
    floors_path = os.path.join(ROOT, ".ci", "floors.json")
    floors = json.load(open(floors_path)) if os.path.exists(floors_path) else {}
    failures, figures = [], {}
    for name, path in CORPORA.items():
        if not os.path.isdir(path):
            failures.append(f"{name}: corpus missing at {path}")
            continue
        out = subprocess.run([sys.executable, SCORE, path, "--bin", binary, "--json"],
                             capture_output=True, text=True)
        if out.returncode != 0:
            failures.append(f"{name}: score.py failed: {out.stderr[-500:]}")
            continue
        m = json.loads(out.stdout)["metrics"]
        figures[name] = {k: m[k] for k in HIGHER + LOWER}
        print(name, " ".join(f"{k}={m[k]}" for k in HIGHER + LOWER))
        floor = floors.get(name, {})
        for k in HIGHER:
            if k in floor and m[k] < floor[k]:
                failures.append(f"{name}: {k} {m[k]} fell below its floor {floor[k]}")
        for k in LOWER:
            if k in floor and m[k] > floor[k]:
                failures.append(f"{name}: {k} {m[k]} rose above its ceiling {floor[k]}")
    if update:
        with open(floors_path, "w") as f:
            json.dump(figures, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"floors written to {floors_path}")
    if failures:
        print("\n".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
