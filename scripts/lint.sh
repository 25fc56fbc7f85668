#!/usr/bin/env bash
# Static checks CI runs besides the tests: gofmt, go vet, staticcheck, govulncheck and the race
# detector on the packages that juggle goroutines and sockets. Every tool comes from the Go
# module proxy; govulncheck reads a vulnerability database built locally from the
# golang.org/x/vulndb module, because vuln.go.dev is not reachable from CI.
set -euo pipefail
cd "$(dirname "$0")/.."

STATICCHECK=honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOVULNCHECK=golang.org/x/vuln/cmd/govulncheck@v1.9.0
VULNDB_MOD=golang.org/x/vulndb
VULNDB_VER=v0.0.0-20261105234957-e22db6528018

echo "== gofmt"
bad=$(gofmt -l $(git ls-files '*.go'))
if [ -n "$bad" ]; then echo "gofmt needed: $bad"; exit 1; fi

echo "== go vet"
go vet ./...

echo "== staticcheck"
GOFLAGS= go run "$STATICCHECK" ./...

echo "== govulncheck (offline database from $VULNDB_MOD@$VULNDB_VER)"
db=${TMPDIR:-/tmp}/mailcheck-vulndb-$VULNDB_VER
if [ ! -f "$db/index/db.json" ]; then
  dir=$(GOFLAGS= go mod download -json "$VULNDB_MOD@$VULNDB_VER" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  rm -rf "$db.tmp"
  GOFLAGS= go run "$VULNDB_MOD/cmd/indexdb@$VULNDB_VER" -vulns "$dir/data/osv" -out "$db.tmp"
  rm -rf "$db" && mv "$db.tmp" "$db"
fi
out=$(mktemp)
GOFLAGS= go run "$GOVULNCHECK" -db "file://$db" -format json ./... > "$out" || true
# A called vulnerability in a module we require fails the build; one in the standard library is
# fixed by a newer Go toolchain than this machine has, so it is reported, not fatal.
python3 - "$out" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
dec, i, objs = json.JSONDecoder(), 0, []
while i < len(text):
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        break
    o, i = dec.raw_decode(text, i)
    objs.append(o)
if not any("config" in o for o in objs):
    print("govulncheck did not run:\n" + text[:2000])
    sys.exit(1)
called = {}
for o in objs:
    f = o.get("finding")
    if not f or not f.get("trace") or "function" not in f["trace"][0]:
        continue
    called.setdefault(f["osv"], f["trace"][0].get("module", "?"))
std = sorted(k for k, m in called.items() if m == "stdlib")
mods = sorted(f"{k} in {m}" for k, m in called.items() if m != "stdlib")
if std:
    print(f"govulncheck: {len(std)} standard-library vulnerabilities reached ({', '.join(std)}); "
          "they are fixed by a newer Go release than this machine's toolchain: build releases with it.")
if mods:
    print("govulncheck: vulnerable module code is called: " + "; ".join(mods))
    sys.exit(1)
print("govulncheck: no called vulnerability in any required module")
PY

echo "== race detector (probes, testservers, serve)"
go test -race -count=1 ./probes/ ./testservers/ ./cmd/serve/...
