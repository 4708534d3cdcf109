#!/usr/bin/env python3
"""Compare `bengali-names match` on parallel Bengali and English text, line by line.

A sentence and its translation name the same entities. The matcher reads Latin names
too, so it runs on both sides, and for every line the sets of linked entity ids are
compared:

- both: an entity found on both sides of a line (the Bengali mention agrees with the
  translation);
- only Bengali: a Bengali mention whose entity the English side does not show (a wrong
  link, or a name the English side words differently: "Trump" alone, an adjective);
- only English: an entity the English side shows and the Bengali side misses (a spelling
  or inflection the matcher does not know, or a false hit on an English word).

No gold annotation is needed; neither side is the truth, so read the lists, not only
the counts.

Usage: tools/eval_parallel.py BN.txt EN.txt [--bin target/release/bengali-names]
                              [--show-bn N] [--show-en N] [--by-entity]
"""
import argparse
import bisect
import collections
import json
import subprocess
import sys


def mentions_by_line(binary: str, path: str) -> tuple[dict[int, list[dict]], list[str]]:
    data = open(path, "rb").read()
    starts = [0] + [i + 1 for i, b in enumerate(data) if b == 0x0A]
    out = subprocess.run([binary, "match", "--format", "jsonl", path],
                         capture_output=True, check=True).stdout
    by_line: dict[int, list[dict]] = collections.defaultdict(list)
    for row in out.splitlines():
        m = json.loads(row)
        by_line[bisect.bisect_right(starts, m["start"]) - 1].append(m)
    return by_line, data.decode("utf-8").split("\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bn")
    ap.add_argument("en")
    ap.add_argument("--bin", default="target/release/bengali-names")
    ap.add_argument("--show-bn", type=int, default=0, help="print N Bengali-only mentions")
    ap.add_argument("--show-en", type=int, default=0, help="print N English-only mentions")
    ap.add_argument("--by-entity", action="store_true", help="count one-sided pairs by entity")
    args = ap.parse_args()

    bn, bn_lines = mentions_by_line(args.bin, args.bn)
    en, en_lines = mentions_by_line(args.bin, args.en)
    if len(bn_lines) != len(en_lines):
        print(f"warning: {len(bn_lines)} Bengali lines, {len(en_lines)} English lines",
              file=sys.stderr)
    both = 0
    only = {"bn": [], "en": []}
    for line in range(max(len(bn_lines), len(en_lines))):
        ids = {side: {m["entity"] for m in found.get(line, [])}
               for side, found in (("bn", bn), ("en", en))}
        both += len(ids["bn"] & ids["en"])
        for side, other, found in (("bn", "en", bn), ("en", "bn", en)):
            for entity in sorted(ids[side] - ids[other]):
                first = next(m for m in found[line] if m["entity"] == entity)
                only[side].append((line, first))
    print(f"lines: {len(bn_lines)}; entity-line pairs on both sides: {both}; "
          f"only Bengali: {len(only['bn'])}; only English: {len(only['en'])}")
    if args.by_entity:
        for side in ("bn", "en"):
            counts = collections.Counter(m["name_en"] for _, m in only[side])
            print(f"only {'Bengali' if side == 'bn' else 'English'}: "
                  + ", ".join(f"{n} {name}" for name, n in counts.most_common(30)))
    for side, limit, lines in (("bn", args.show_bn, en_lines), ("en", args.show_en, bn_lines)):
        for line, m in only[side][:limit]:
            print(f"  only {side} line {line + 1}: {m['text']!r} -> {m['name_en']} ({m['match']})"
                  f"\n    other side: {lines[line][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
