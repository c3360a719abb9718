#!/usr/bin/env bash
# HTTP load run against the gateway on SQLite: recipe detail, product search
# and the day's schedule, each with wrk at 64 connections. Prints requests/s
# and p99 per route. Usage: bench/http.sh [seconds] [products]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
products=${2:-100000}
port=${KOKMEAL_BENCH_PORT:-18000}

if ! command -v wrk >/dev/null; then
	echo "wrk is not installed: apt-get install wrk" >&2
	exit 1
fi

dir=$(mktemp -d)
trap 'kill $gw 2>/dev/null || true; wait 2>/dev/null; rm -rf "$dir"' EXIT
go build -o "$dir/gateway" ./hosts/gateway
go build -o "$dir/kokmeal" ./hosts/kokmeal

export KOKMEAL_DATA_DIR="$dir/var" KOKMEAL_ADDR="127.0.0.1:$port" KOKMEAL_DEMO_DATA=false
"$dir/kokmeal" migrate up >/dev/null
"$dir/kokmeal" seed --products "$products"

"$dir/gateway" >"$dir/gateway.log" 2>&1 &
gw=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done

base="http://127.0.0.1:$port/api/v1"
today=$(TZ=Asia/Seoul date +%F)
q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("깐마늘"))')
printf '%-16s %12s %10s %10s\n' route "requests/s" p50 p99
for route in "recipe detail|$base/recipes/56" "product search|$base/kok/products?q=$q" "schedule|$base/home-shopping/schedule?date=$today"; do
	name=${route%%|*}
	url=${route#*|}
	curl -fs "$url" >/dev/null || { echo "$name: $url does not answer 200" >&2; exit 1; }
	wrk -t2 -c64 -d2s "$url" >/dev/null # warm up
	out=$(wrk -t2 -c64 -d"${secs}s" --latency "$url")
	rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
	p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
	p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
	errors=$(awk '/Non-2xx|Socket errors/' <<<"$out")
	printf '%-16s %12s %10s %10s %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
done
