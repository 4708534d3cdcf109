#!/usr/bin/env python3
"""Measure `bengali-names match` against NER-tagged sentences.

Reads a tagged corpus, writes its sentences as text (tokens joined by spaces,
sentences by newlines), runs the matcher on it and reports:

- precision on entity tokens: the share of emitted mentions that lie wholly on
  tokens the gold tags as an entity (any entity type);
- recall by type (PER, LOC, ORG): the share of gold entities (maximal tagged
  token runs) that some mention overlaps.

Formats, chosen by file name:
- *.iob.txt[.gz]: `token<TAB>tag` per line, blank line between sentences,
  IOB tags B-X / I-X (other tags count as outside);
- *.jsonl[.gz]: one `[text, tags]` per line with BILOU tags over the text's
  tokens (words and punctuation split apart); GPE counts as LOC, PERSON as PER.

Usage: tools/eval_ner.py CORPUS [--bin target/release/bengali-names] [--show N] [--missed N]
       tools/eval_ner.py CORPUS --write-text FILE   (the sentences as text, for the benches)
"""
import argparse
import collections
import gzip
import json
import re
import subprocess
import sys
import tempfile

PUNCT = "\u0964\u0965,;:!?\"'()\\[\\]{}‘’“”—–-"
TOKEN = re.compile(f"[^\\s{PUNCT}]+|[{PUNCT}]")
TYPES = {"PER": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG"}


def open_text(path):
    return gzip.open(path, "rt", encoding="utf-8-sig") if path.endswith(".gz") else open(path, encoding="utf-8-sig")


def read_iob(path):
    sentence = []
    with open_text(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if sentence:
                    yield sentence
                sentence = []
                continue
            token, _, tag = line.partition("\t")
            kind = None
            if tag[:2] in ("B-", "I-") and tag[2:] in TYPES:
                kind = (tag[0], TYPES[tag[2:]])
            sentence.append((token.strip(), kind))
    if sentence:
        yield sentence


def read_bilou_jsonl(path):
    with open_text(path) as f:
        for line in f:
            text, tags = json.loads(line)
            tokens = TOKEN.findall(text)
            if len(tokens) != len(tags):
                continue  # a tokenization we cannot align: skipped, and counted
            sentence = []
            for token, tag in zip(tokens, tags):
                kind = None
                if tag[:2] in ("B-", "U-", "I-", "L-") and tag[2:] in TYPES:
                    begins = tag[0] in "BU"
                    kind = ("B" if begins else "I", TYPES[tag[2:]])
                sentence.append((token, kind))
            yield sentence


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--bin", default="target/release/bengali-names")
    ap.add_argument("--show", type=int, default=0, help="print N mentions that are not on entity tokens")
    ap.add_argument("--context", type=int, default=0, metavar="K",
                    help="with --show, also print K tokens either side, each with its gold tag")
    ap.add_argument("--missed", type=int, default=0, metavar="N",
                    help="print the N most frequent gold entities of each type that no mention overlaps")
    ap.add_argument("--unlisted", action="store_true",
                    help="run `match --unlisted`: people the gazetteer lacks, read from name parts")
    ap.add_argument("--consistency", action="store_true",
                    help="also count a mention off the gold's entity tokens whose every token the "
                         "gold tags as an entity elsewhere in the corpus (the annotators' own "
                         "reading of those words), apart from the measure")
    ap.add_argument("--by-kind", action="store_true",
                    help="also print the share on entity tokens per (entity kind, match kind)")
    ap.add_argument("--write-text", metavar="FILE",
                    help="only write the corpus's sentences as text to FILE (for benches), and stop")
    args = ap.parse_args()

    reader = read_bilou_jsonl if ".jsonl" in args.corpus else read_iob
    sentences = [s for s in reader(args.corpus) if s and all(tok for tok, _ in s)]

    # Character spans of every token, and gold entities as token runs.
    text_lines, token_spans, entities, tokens = [], [], [], []
    offset = 0
    for sentence in sentences:
        line_tokens = []
        for i, (token, kind) in enumerate(sentence):
            if i:
                offset += 1
            line_tokens.append((offset, offset + len(token), kind))
            offset += len(token)
        offset += 1  # the newline
        text_lines.append(" ".join(tok for tok, _ in sentence))
        tokens.extend(tok for tok, _ in sentence)
        token_spans.extend(line_tokens)
        run = None
        for start, end, kind in line_tokens + [(0, 0, None)]:
            if run and (kind is None or kind[0] == "B" or kind[1] != run[2]):
                entities.append(run)
                run = None
            if kind is not None:
                run = [run[0], end, run[2]] if run else [start, end, kind[1]]

    if args.write_text:
        with open(args.write_text, "w", encoding="utf-8") as out:
            out.write("\n".join(text_lines) + "\n")
        return

    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as tmp:
        tmp.write("\n".join(text_lines) + "\n")
        tmp.flush()
        command = [args.bin, "match", "--format", "jsonl", tmp.name]
        if args.unlisted:
            command.append("--unlisted")
        out = subprocess.run(command,
                             capture_output=True, text=True, check=True).stdout
    mentions = [json.loads(line) for line in out.splitlines() if line.strip()]

    # Token index by character position, for "wholly on entity tokens".
    starts = [s for s, _, _ in token_spans]
    import bisect
    on_entity = 0
    misses = []
    by_kind = {}
    for m in mentions:
        a, b = m["char_start"], m["char_end"]
        i = bisect.bisect_right(starts, a) - 1
        covered, ok = False, True
        while 0 <= i < len(token_spans) and token_spans[i][0] < b:
            s, e, kind = token_spans[i]
            if e > a:
                covered = True
                ok = ok and kind is not None
            i += 1
        tally = by_kind.setdefault((m["kind"], m["match"]), [0, 0])
        tally[1] += 1
        if covered and ok:
            on_entity += 1
            tally[0] += 1
        else:
            misses.append((m, bisect.bisect_right(starts, a) - 1))

    found = {t: [0, 0] for t in ("PER", "LOC", "ORG")}
    spans = sorted((m["char_start"], m["char_end"]) for m in mentions)
    mstarts = [s for s, _ in spans]
    missed = {t: collections.Counter() for t in found}
    text = "\n".join(text_lines)
    for start, end, kind in entities:
        found[kind][1] += 1
        j = bisect.bisect_left(mstarts, end) - 1
        if j >= 0 and spans[j][1] > start:
            found[kind][0] += 1
        else:
            missed[kind][text[start:end]] += 1

    print(f"corpus: {args.corpus}: {len(sentences)} sentences, {len(entities)} gold entities")
    share = on_entity / len(mentions) if mentions else 0.0
    print(f"mentions: {len(mentions)}; wholly on gold entity tokens: {on_entity} ({share:.1%})")
    for kind, (hit, total) in found.items():
        print(f"recall {kind}: {hit}/{total} ({hit / total if total else 0:.1%})")
    for kind, counts in missed.items():
        if args.missed:
            top = ", ".join(f"{name} {n}" for name, n in counts.most_common(args.missed))
            print(f"missed {kind}: {top}")
    if args.consistency:
        # Tokens the gold tags as an entity somewhere: a mention off entity tokens
        # made only of such tokens is a word the annotators tagged elsewhere and
        # left untagged here.
        tagged = {tokens[i] for i, (_, _, kind) in enumerate(token_spans) if kind is not None}
        elsewhere = 0
        for m, first in misses:
            words, i = [], first
            while 0 <= i < len(token_spans) and token_spans[i][0] < m["char_end"]:
                if token_spans[i][1] > m["char_start"]:
                    words.append(tokens[i])
                i += 1
            elsewhere += bool(words) and all(w in tagged for w in words)
        print(f"off entity tokens here but tagged as an entity elsewhere: {elsewhere} of "
              f"{len(misses)}; with them {(on_entity + elsewhere) / len(mentions):.1%} "
              "(not the measure above: the gold's inconsistency, counted)")
    if args.by_kind:
        for (kind, match), (good, total) in sorted(by_kind.items(), key=lambda kv: -kv[1][1]):
            print(f"  {kind}/{match}: {good}/{total} ({good / total:.1%}) on entity tokens")
    for m, first in misses[: args.show]:
        print(f"  not on entity tokens: {m['text']!r} -> {m['name_en']} ({m['kind']}, {m['match']})")
        if args.context:
            window = range(max(first - args.context, 0), min(first + args.context + 1, len(token_spans)))
            print("    " + " ".join(f"{tokens[i]}/{token_spans[i][2][1] if token_spans[i][2] else 'O'}" for i in window))


if __name__ == "__main__":
    sys.exit(main())
