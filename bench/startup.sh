#!/usr/bin/env bash
# Start-up and throughput of `regimen check`, side by side in one run:
#   /bin/true (the floor: starting any process), the Native AOT binary, and the JIT build
#   (`dotnet regimen.dll`), on one file, on regimens/, and on a generated library of 3,000 files.
# Uses hyperfine when installed (apt-get install hyperfine), else a loop timed with date +%s%N.
# Prints a Markdown table (for docs/performance.md) and the machine facts.
#
#   bench/startup.sh            build what is missing, then measure
#   bench/startup.sh --rebuild  publish the AOT binary and build the JIT build afresh
#   RUNS=50 bench/startup.sh    runs per command (default 30; 10 for the 3,000-file library)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

runs=${RUNS:-30}
aot=artifacts/aot/regimen
jit=src/RegimenLang.Cli/bin/Release/net10.0/regimen.dll

if [ "${1:-}" = "--rebuild" ] || [ ! -x "$aot" ]; then
  dotnet publish src/RegimenLang.Cli -c Release -r linux-x64 -o artifacts/aot > /dev/null
fi
if [ "${1:-}" = "--rebuild" ] || [ ! -f "$jit" ]; then
  dotnet build src/RegimenLang.Cli -c Release > /dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/regimen-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A protocol library of 3,000 files: the shipped regimens copied with distinct ids and names.
library="$work/library"
mkdir -p "$library"
i=0
while [ "$i" -lt 3000 ]; do
  for f in regimens/*.regimen; do
    [ "$i" -lt 3000 ] || break
    name=$(basename "$f" .regimen)
    dir="$library/$((i % 30))"
    mkdir -p "$dir"
    sed "s/^id: \(.*\)\$/id: \1-$i/" "$f" > "$dir/$(printf '%04d' "$i")-$name.regimen"
    i=$((i + 1))
  done
done
one=regimens/06-mini-hcvd-ino-blina-rr.regimen

# Every command must succeed before it is timed.
for cmd in "$aot" "dotnet $jit"; do
  $cmd check "$one" > /dev/null 2>&1
  $cmd check regimens > /dev/null 2>&1
  $cmd check "$library" > /dev/null 2>&1
done

declare -a rows
measure() { # label runs command...
  local label=$1 n=$2
  shift 2
  if command -v hyperfine > /dev/null 2>&1; then
    hyperfine -N --warmup 3 --runs "$n" --export-json "$work/h.json" "$@" > /dev/null 2>&1
    python3 - "$work/h.json" "$label" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
for r in data["results"]:
    t = sorted(r["times"])
    median = t[len(t) // 2] * 1000
    print(f"| {sys.argv[2]} | {r['command'].split(' check')[0].replace('src/RegimenLang.Cli/bin/Release/net10.0/', '')} | {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} | {median:.1f} | {r['min']*1000:.1f} |")
PY
  else
    local cmd
    for cmd in "$@"; do
      local times=() k start end
      for k in $(seq 1 3); do $cmd > /dev/null 2>&1 || true; done
      for k in $(seq 1 "$n"); do
        start=$(date +%s%N); $cmd > /dev/null 2>&1 || true; end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
      done
      printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v cmd="${cmd%% check*}" '
        { t[NR] = $1; s += $1 } END { printf "| %s | %s | %.1f | %.1f | %.1f |\n", label, cmd, s / NR / 1000, t[int((NR + 1) / 2)] / 1000, t[1] / 1000 }'
    done
  fi
}

echo "| case | program | mean (ms) | median (ms) | min (ms) |"
echo "|---|---|---:|---:|---:|"
measure "one file" "$runs" "/bin/true" "$aot check $one" "dotnet $jit check $one"
measure "regimens/ (12 files)" "$runs" "/bin/true" "$aot check regimens" "dotnet $jit check regimens"
measure "library (3,000 files)" "$(( runs < 10 ? runs : 10 ))" "/bin/true" "$aot check $library" "dotnet $jit check $library"

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo ".NET SDK $(dotnet --version); AOT binary $(du -h "$aot" | cut -f1) ($(stat -c %s "$aot") bytes)"
command -v hyperfine > /dev/null 2>&1 && echo "timer: $(hyperfine --version), -N (no shell), 3 warm-up runs" || echo "timer: date +%s%N loop, 3 warm-up runs"
