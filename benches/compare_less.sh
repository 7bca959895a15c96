#!/usr/bin/env bash
# Side by side in tmux, on the same generated 100 MB compilation: how long `less` and huibian
# take to show their first screen, to show a phrase that occurs only in the last report after
# `/phrase` + Enter, and to quit (`q` until the process is gone).
# Usage: bash benches/compare_less.sh [MB] [RUNS]  (needs tmux and less).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
runs=${2:-1}
work=$(mktemp -d)
trap 'tmux -L cmp kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
cargo build --release --quiet --example generate
cargo build --release --quiet
phrase="终极测试短语只在最后一篇"
# The phrase goes into the last report's body, so nothing before it (TOC included) holds it.
target/release/examples/generate "$mb" | sed '$d' > "$work/big.txt"
printf '%s出现在这里。\n##paidend##\n' "$phrase" >> "$work/big.txt"
ls -l "$work/big.txt" | awk '{printf "file: %.1f MB\n", $5/1048576}'

now_ms() { date +%s%3N; }
# Waits until the pane shows $2 on a row other than the last (the prompt row); prints the ms.
wait_for() {
  local session=$1 text=$2 start=$3
  while ! tmux -L cmp capture-pane -p -t "$session" | sed '$d' | grep -qF -- "$text"; do
    sleep 0.005
  done
  echo $(( $(now_ms) - start ))
}

run() {
  local name=$1 cmd=$2 ready=$3
  local start
  start=$(now_ms)
  tmux -L cmp -f /dev/null new-session -d -s "$name" -x 160 -y 45 "$cmd"
  local open
  open=$(wait_for "$name" "$ready" "$start")
  start=$(now_ms)
  tmux -L cmp send-keys -t "$name" "/$phrase" Enter
  local found
  found=$(wait_for "$name" "$phrase" "$start")
  start=$(now_ms)
  tmux -L cmp send-keys -t "$name" q
  while tmux -L cmp has-session -t "$name" 2>/dev/null; do sleep 0.002; done
  local quit=$(( $(now_ms) - start ))
  echo "$name: first screen ${open} ms, /phrase+Enter to the hit on screen ${found} ms, q ${quit} ms"
}

for ((i = 1; i <= runs; i++)); do
  run less "LESSHISTFILE=- less $work/big.txt" "2099年度工作总结汇编"
  run huibian "HUIBIAN_CONFIG_HOME=$work HOME=$work target/release/huibian $work/big.txt" "Contents"
done
