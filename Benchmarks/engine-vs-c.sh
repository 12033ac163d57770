#!/usr/bin/env bash
# The engine against the C yardstick (../shared/peers/ref_kernel.c, built with -DPRUNE), side by
# side in one run: this machine's times drift between runs, so only figures from the same run
# compare. Whole-process times, best of N (default 3), one thread, release builds.
#
# Usage (from the repository root): Benchmarks/engine-vs-c.sh [sites] [trials] [rounds] [capability]
set -euo pipefail
sites=${1:-100}
trials=${2:-3000}
rounds=${3:-3}
capability=${4:-SL4}
root=$(cd "$(dirname "$0")/.." && pwd)
ref=${REF_KERNEL_C:-$root/../shared/peers/ref_kernel.c}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product zonelab --package-path "$root" >/dev/null
zonelab=$(swift build -c release --package-path "$root" --show-bin-path)/zonelab
gcc -O3 -march=native -DPRUNE -o "$work/ref_kernel" "$ref" -lm

"$zonelab" generate --sites "$sites" -o "$work/plant.yaml" >/dev/null
"$zonelab" compile "$work/plant.yaml" --attacker "$capability" >"$work/graph.json"
# The same graph without `detect` (the C kernel ignores alarms; ZoneLab walks each trial's campaign
# for them): issue 16 compares the two on this one.
python3 - "$work/graph.json" "$work/graph-nodetect.json" <<'PY'
import json, sys
graph = json.load(open(sys.argv[1]))
for edge in graph["edges"]:
    edge.pop("detect", None)
json.dump(graph, open(sys.argv[2], "w"))
PY

now() { date +%s.%N; }
for variant in graph-nodetect graph; do
    best_c=999999 best_z=999999
    for ((i = 1; i <= rounds; i++)); do
        s=$(now); "$work/ref_kernel" "$work/$variant.json" --trials "$trials" --quiet >/dev/null; e=$(now)
        c=$(echo "$e - $s" | bc)
        s=$(now); "$zonelab" simulate "$work/$variant.json" --trials "$trials" --threads 1 --json "$work/z.json" >/dev/null; e=$(now)
        z=$(echo "$e - $s" | bc)
        printf '%s round %d: C %.3f s, ZoneLab %.3f s\n' "$variant" "$i" "$c" "$z"
        best_c=$(echo "if ($c < $best_c) $c else $best_c" | bc)
        best_z=$(echo "if ($z < $best_z) $z else $best_z" | bc)
    done
    label=$([ "$variant" = graph ] && echo "with detect" || echo "without detect")
    printf '%d sites, %s, %s, %d trials, 1 thread, best of %d: C (-DPRUNE) %.3f s, ZoneLab %.3f s, ratio ZoneLab/C %.2f\n' \
        "$sites" "$capability" "$label" "$trials" "$rounds" "$best_c" "$best_z" "$(echo "scale=4; $best_z / $best_c" | bc)"
done
