#!/usr/bin/env python3
"""Performance workload: lipzip against ripgrep, side by side, as ratios.

usage: scripts/bench.py [--dir DIR] [--runs N] [--bin PATH]

Generates the workload with ../shared/eval/gen_perf.py (100,000 clients, 10,000 drafts) unless
DIR already has it, installs ripgrep with apt-get if it is missing, then times each case N
times, alternating the commands so machine noise hits both alike, and prints medians and
ratios against the targets of issue 7:

  A  check --format json DIR/drafts, 500-client roster   vs rg -i -F -f names-small.txt -c   <= 2.0x
  B  the same with the 100,000-client roster            vs rg -F -f names.txt -c            <= 0.5x
  C  check one small draft, 100,000-client roster (compiled-roster cache warm)  <= 0.3 s, <= 300 MB
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, cwd):
    t = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.decode()[-500:]}")
    return wall, before


def peak_rss_mb(cmd, cwd):
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], cwd=cwd,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(out.stderr.strip().splitlines()[-1]) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="/tmp/lipzip-perf")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "lipzip"))
    a = ap.parse_args()
    if not os.path.exists(a.bin):
        subprocess.run(["cargo", "build", "--release"], cwd=ROOT, check=True)
    if not shutil.which("rg"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "ripgrep"], check=True)
    if not os.path.exists(os.path.join(a.dir, "drafts")):
        gen = os.path.join(ROOT, "..", "shared", "eval", "gen_perf.py")
        subprocess.run([sys.executable, gen, a.dir, "--clients", "100000", "--drafts", "10000"], check=True)
    env_cache = os.path.join(a.dir, "cache")
    os.environ["LIPZIP_CACHE_DIR"] = env_cache
    small = os.path.join(a.dir, "small.md")
    with open(small, "w") as f:
        f.write("Thanks for coming in today! Book your next session online.\n")
    lz = lambda roster, *paths: [a.bin, "check", "--format", "json", "--roster", roster, *paths]
    cases = {
        "A": (lz("roster-small.yaml", "drafts"), ["rg", "-i", "-F", "-f", "names-small.txt", "-c", "drafts"], 2.0),
        "B": (lz("roster.yaml", "drafts"), ["rg", "-F", "-f", "names.txt", "-c", "drafts"], 0.5),
    }
    print(f"machine: {os.cpu_count()} cores; runs: {a.runs} each, alternating; medians")
    for name, (ours, theirs, target) in cases.items():
        run(ours, a.dir)  # warm the page cache and the roster cache
        run(theirs, a.dir)
        mine, rgs = [], []
        for _ in range(a.runs):
            mine.append(run(ours, a.dir)[0])
            rgs.append(run(theirs, a.dir)[0])
        m, r = statistics.median(mine), statistics.median(rgs)
        ok = "ok" if m / r <= target else "MISSED"
        print(f"{name}: lipzip {m:.3f} s, rg {r:.3f} s, ratio {m / r:.2f} (target <= {target}) {ok}")
    c_cmd = [a.bin, "check", "--roster", "roster.yaml", small]
    run(c_cmd, a.dir)
    walls = [run(c_cmd, a.dir)[0] for _ in range(a.runs)]
    rss = peak_rss_mb(c_cmd, a.dir)
    w = statistics.median(walls)
    ok = "ok" if w <= 0.3 and rss <= 300 else "MISSED"
    print(f"C: one draft, 100,000 clients, cache warm: {w:.3f} s, peak RSS {rss:.0f} MB (target <= 0.3 s, <= 300 MB) {ok}")
    cold = [run([*c_cmd[:2], "--no-cache", *c_cmd[2:]], a.dir)[0] for _ in range(3)]
    print(f"C without the cache: {statistics.median(cold):.3f} s")


if __name__ == "__main__":
    main()
