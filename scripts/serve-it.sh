#!/usr/bin/env bash
# mailcheck serve against real components, all on 127.0.0.1: Debian's Prometheus scraping the
# exporter with scripts/prometheus/prometheus.yml (targets swapped for test servers), promtool on
# the shipped examples, and headless Chromium submitting the form at desktop and phone width.
# Needs: apt-get install prometheus chromium. MAILCHECK_SCREENSHOT=DIR keeps screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
for b in prometheus promtool chromium; do
  command -v "$b" >/dev/null || { echo "serve-it: $b not installed (apt-get install prometheus chromium)"; exit 1; }
done
promtool check config scripts/prometheus/prometheus.yml
promtool check rules scripts/prometheus/rules.yml
promtool test rules scripts/prometheus/rules_test.yml
MAILCHECK_SERVE_IT=1 go test ./integration/ -run TestServeRealComponents -count=1 -v "$@"
