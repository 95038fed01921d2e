#!/usr/bin/env bash
# Captures every console screen of `bcspend demo` as text into docs/screens/,
# driving it through tmux with keystrokes only, as a person would.
# Usage: docs/capture-screens.sh   (needs tmux; builds bcspend first)
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screens
bin=$(mktemp -d)/bcspend
go build -o "$bin" ./cmd/bcspend
sock=$(mktemp -u)
s=bcspend-screens
t() { tmux -S "$sock" "$@"; }
trap 't kill-server 2>/dev/null || true' EXIT
t new-session -d -s $s -x 100 -y 30 "TERM=xterm-256color NO_COLOR=1 $bin demo; sleep 30"
cap() { sleep "${2:-0.6}"; t capture-pane -t $s -p > "$out/$1.txt"; echo "captured $1"; }
wait_for() { for _ in $(seq 1 100); do t capture-pane -t $s -p | grep -q "$1" && return 0; sleep 0.2; done; echo "timeout waiting for $1" >&2; exit 1; }
key() { t send-keys -t $s "$@"; sleep 0.1; }

wait_for "Setup checklist";             cap 01-wizard-checklist
key Enter; wait_for "How should";       key 1; cap 02-wizard-flow
key Enter; wait_for "Client Secret";    cap 03-wizard-fields
key Enter; wait_for "Connection works"; cap 04-wizard-test
key Enter; wait_for "Which companies";  cap 05-wizard-companies
key Enter
wait_for "apps │"; sleep 6;             cap 06-applications   # after the toast fades
key Enter;                              cap 07-transactions
key w;                                  cap 08-why-this-match
key Escape; sleep 0.4; key f;           cap 09-fix-picker
key Escape; sleep 0.4; key Escape; sleep 0.4
key 3;                                  cap 10-unmatched
key f;                                  cap 11-unmatched-fix
key Escape; sleep 0.4
key 4;                                  cap 12-users
key 5;                                  cap 13-integration
key 6;                                  cap 14-sync
key 7;                                  cap 15-overview
key Enter;                              cap 16-overview-finding-transactions
key Escape; sleep 0.4
key 1; key '?';                         cap 17-help
key '?'; key q
