#!/bin/sh
# Builds a large Bengali test input by repeating the Wikipedia sentence corpus,
# for the streaming measurements in BENCHMARKS.md (Streaming memory).
#
#   tools/gen_corpus.sh MB [OUT]            # OUT defaults to /tmp/bn-corpus-<MB>mb.txt
#   tools/gen_corpus.sh --one-line MB [OUT] # every newline replaced by a space:
#                                           # one enormous line (default OUT
#                                           # /tmp/bn-corpus-<MB>mb-oneline.txt)
#
# The output is exactly MB * 1,000,000 bytes, cut at the last whole UTF-8
# character (so possibly a few bytes fewer). Write it outside the repository
# (the default is /tmp) and delete it after use: 1000 MB is 1 GB on disk.
set -eu

CORPUS=${CORPUS:-/work/shared/data/corpus/bn-wikipedia-sentences.txt.gz}

one_line=0
if [ "${1:-}" = "--one-line" ]; then
    one_line=1
    shift
fi
if [ $# -lt 1 ] || ! [ "$1" -gt 0 ] 2>/dev/null; then
    echo "usage: $0 [--one-line] MB [OUT]" >&2
    exit 2
fi
mb=$1
if [ $one_line -eq 1 ]; then
    out=${2:-/tmp/bn-corpus-${mb}mb-oneline.txt}
else
    out=${2:-/tmp/bn-corpus-${mb}mb.txt}
fi
bytes=$((mb * 1000000))

case "$out" in
    "$(cd "$(dirname "$0")/.." && pwd)"/*)
        echo "$0: refusing to write into the repository: $out" >&2
        exit 2
        ;;
esac

# One copy of the corpus, decompressed once.
one=$(mktemp /tmp/bn-corpus-one.XXXXXX)
trap 'rm -f "$one"' EXIT
gzip -dc "$CORPUS" > "$one"
size=$(wc -c < "$one")
copies=$((bytes / size + 1))

# Repeat, cut to the byte count, then drop a partial UTF-8 character at the
# end (continuation bytes 0x80-0xBF and the lead byte before them).
{
    i=0
    while [ $i -lt $copies ]; do
        cat "$one"
        i=$((i + 1))
    done
} | head -c "$bytes" > "$out.tmp"
python3 - "$out.tmp" <<'PY'
import os, sys
path = sys.argv[1]
with open(path, "rb+") as f:
    end = f.seek(0, os.SEEK_END)
    f.seek(max(0, end - 4))
    tail = f.read()
    # Walk back over continuation bytes to the last lead byte; drop the
    # character if it is incomplete.
    i = len(tail) - 1
    while i > 0 and 0x80 <= tail[i] <= 0xBF:
        i -= 1
    lead = tail[i]
    need = 1 if lead < 0x80 else 2 if lead >= 0xC0 and lead < 0xE0 else 3 if lead < 0xF0 else 4
    if len(tail) - i < need:
        f.truncate(end - (len(tail) - i))
PY
if [ $one_line -eq 1 ]; then
    tr '\n' ' ' < "$out.tmp" > "$out"
    rm -f "$out.tmp"
else
    mv "$out.tmp" "$out"
fi
ls -l "$out" >&2
