#!/usr/bin/env bash
# Peak memory (RSS) against the file size, on generated compilations: the exports (`--list`,
# `--json`) and the reader, driven in tmux until the whole file is parsed, then a search for
# the frequent word 工作 counted, then `q`.
# Also how fast the reader answers keys while it is still parsing.
# Usage: bash benches/peak_rss.sh [MB ...]   (default: 1 20 100; needs tmux and GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1 20 100)
work=$(mktemp -d)
trap 'tmux -L rss kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
cargo build --release --quiet --example generate
cargo build --release --quiet
now_ms() { date +%s%3N; }
screen() { tmux -L rss capture-pane -p -t rss; }

for mb in "${sizes[@]}"; do
  file="$work/big$mb.txt"
  target/release/examples/generate "$mb" > "$file"
  bytes=$(stat -c %s "$file")
  ratio() { awk -v kb="$1" -v b="$bytes" 'BEGIN { printf "%.0f MB (%.2fx)", kb / 1024, kb * 1024 / b }'; }
  printf '%s MB file (%d bytes)\n' "$mb" "$bytes"
  for flag in --list --json; do
    /usr/bin/time -o "$work/rss" -f '%M %e' target/release/huibian "$file" "$flag" > /dev/null
    read -r kb secs < "$work/rss"
    echo "  $flag: $secs s, peak $(ratio "$kb")"
  done
  start=$(now_ms)
  tmux -L rss -f /dev/null new-session -d -s rss -x 160 -y 45 \
    "/usr/bin/time -o $work/rss -f '%M' target/release/huibian $file"
  until screen | grep -q "Contents"; do sleep 0.005; done
  echo "  reader: first screen after $(( $(now_ms) - start )) ms"
  for key in ']' 'G' 'g'; do
    before=$(screen | md5sum)
    t=$(now_ms)
    tmux -L rss send-keys -t rss "$key"
    until [ "$(screen | md5sum)" != "$before" ]; do sleep 0.002; done
    state=$(screen | tail -1 | grep -o 'parsing [0-9]*%' || echo "parsed")
    echo "  reader: key $key answered in $(( $(now_ms) - t )) ms ($state)"
  done
  until ! screen | tail -1 | grep -q parsing; do sleep 0.02; done
  echo "  reader: whole file parsed after $(( $(now_ms) - start )) ms"
  # A search for a frequent word, every hit counted (the status line shows k/N).
  t=$(now_ms)
  tmux -L rss send-keys -t rss "/工作" Enter
  until screen | tail -1 | grep -qE '/工作 +[0-9]+/[0-9]+'; do sleep 0.01; done
  echo "  reader: /工作 counted in $(( $(now_ms) - t )) ms ($(screen | tail -1 | grep -oE '[0-9]+/[0-9]+' | head -1))"
  tmux -L rss send-keys -t rss q
  while tmux -L rss has-session -t rss 2>/dev/null; do sleep 0.05; done
  echo "  reader: peak $(ratio "$(cat "$work/rss")")"
  rm -f "$file"
done
