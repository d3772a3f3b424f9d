#!/usr/bin/env bash
# Start-up and throughput of `regimen check`, side by side in one run:
#   /bin/true (the floor: starting any process), the Native AOT binary, and the JIT build
#   (`dotnet regimen.dll`), on one file, on regimens/, and on a generated library of 3,000 files.
# Uses hyperfine when installed (apt-get install hyperfine), else a loop timed with date +%s%N.
# Prints a Markdown table (for docs/performance.md), the verdict against the targets (one file within 5x
# /bin/true; the 3,000-file library in under 0.5 s) and the machine facts, load average included: on a shared
# machine the CPU time (user + system) is the steadier figure.
#
#   bench/startup.sh            build what is missing, then measure
#   bench/startup.sh --rebuild  publish the AOT binary and build the JIT build afresh
#   RUNS=50 bench/startup.sh    runs per command (default 30; 10 for the 3,000-file library)
#   BEFORE=/tmp/old/regimen bench/startup.sh
#                               also time another AOT binary (an earlier commit's) in the same run
#   NO_JIT=1 bench/startup.sh   leave out the JIT build
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

runs=${RUNS:-30}
aot=artifacts/aot/regimen
jit=src/RegimenLang.Cli/bin/Release/net10.0/regimen.dll
before=${BEFORE:-}

if [ "${1:-}" = "--rebuild" ] || [ ! -x "$aot" ]; then
  dotnet publish src/RegimenLang.Cli -c Release -r linux-x64 -o artifacts/aot > /dev/null
fi
if [ -z "${NO_JIT:-}" ] && { [ "${1:-}" = "--rebuild" ] || [ ! -f "$jit" ]; }; then
  dotnet build src/RegimenLang.Cli -c Release > /dev/null
fi
# The programs timed, in table order: the AOT binary, the earlier one (BEFORE) and the JIT build.
programs=("$aot")
[ -z "$before" ] || programs+=("$before")
[ -n "${NO_JIT:-}" ] || programs+=("dotnet $jit")

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
for cmd in "${programs[@]}"; do
  $cmd check "$one" > /dev/null 2>&1
  $cmd check regimens > /dev/null 2>&1
  $cmd check "$library" > /dev/null 2>&1
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
measure() { # label runs command...
  local label=$1 n=$2
  shift 2
  if command -v hyperfine > /dev/null 2>&1; then
    hyperfine -N --warmup 3 --runs "$n" --export-json "$work/h.json" "$@" > /dev/null 2>&1
    python3 - "$work/h.json" "$label" "$work/medians" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
with open(sys.argv[3], "a") as medians:
    for r in data["results"]:
        t = sorted(r["times"])
        median = t[len(t) // 2] * 1000
        program = r['command'].split(' check')[0].replace('src/RegimenLang.Cli/bin/Release/net10.0/', '')
        print(f"| {sys.argv[2]} | {program} | {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} | {median:.1f} | {r['min']*1000:.1f} | {(r['user'] + r['system'])*1000:.1f} |")
        medians.write(f"{sys.argv[2]}\t{program}\t{median:.3f}\t{r['min']*1000:.3f}\n")
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
      printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v cmd="${cmd%% check*}" -v medians="$work/medians" '
        { t[NR] = $1; s += $1 }
        END {
          printf "| %s | %s | %.1f | %.1f | %.1f | |\n", label, cmd, s / NR / 1000, t[int((NR + 1) / 2)] / 1000, t[1] / 1000
          printf "%s\t%s\t%.3f\t%.3f\n", label, cmd, t[int((NR + 1) / 2)] / 1000, t[1] / 1000 >> medians
        }'
    done
  fi
}

with() { # arguments...: each program with the arguments
  local p
  for p in "${programs[@]}"; do echo "$p check $*"; done
}
mapfile -t one_cmds < <(with "$one")
mapfile -t dir_cmds < <(with regimens)
mapfile -t lib_cmds < <(with "$library")

echo "| case | program | mean (ms) | median (ms) | min (ms) | CPU, user + sys (ms) |"
echo "|---|---|---:|---:|---:|---:|"
measure "one file" "$runs" "/bin/true" "${one_cmds[@]}"
measure "regimens/ ($(ls regimens/*.regimen | wc -l) files)" "$runs" "/bin/true" "${dir_cmds[@]}"
measure "library (3,000 files)" "$(( runs < 10 ? runs : 10 ))" "/bin/true" "${lib_cmds[@]}"

# The targets, from the medians (and the minima, the figure least disturbed by other work on the machine).
echo
awk -F'\t' -v aot="$aot" '
  $1 == "one file" && $2 == "/bin/true" { floor = $3; floormin = $4 }
  $1 == "one file" && $2 == aot { one = $3; onemin = $4 }
  $1 ~ /^library/ && $2 == aot { lib = $3; libmin = $4 }
  END {
    printf "target: one file within 5x /bin/true: %s (median %.1f ms = %.1fx %.2f ms; minimum %.1fx)\n", (one <= 5 * floor ? "met" : "missed"), one, one / floor, floor, onemin / floormin
    printf "target: 3,000 files in under 0.5 s: %s (median %.0f ms, minimum %.0f ms)\n", (lib < 500 ? "met" : "missed"), lib, libmin
  }' "$work/medians"

echo
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average before and after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo ".NET SDK $(dotnet --version); AOT binary $(du -h "$aot" | cut -f1) ($(stat -c %s "$aot") bytes)${before:+; BEFORE $(stat -c %s "$before") bytes}"
command -v hyperfine > /dev/null 2>&1 && echo "timer: $(hyperfine --version), -N (no shell), 3 warm-up runs" || echo "timer: date +%s%N loop, 3 warm-up runs"
