#!/usr/bin/env bash
# Fuzzes sdkgen's untrusted-input stages (YAML reader, OpenAPI loader, config reader, SDK model
# builder) with libFuzzer and AddressSanitizer for SECONDS seconds (default 60).
#
#   Fuzz/run.sh [SECONDS] [extra libFuzzer flags…]
#
# Seeds: Specs/, the golden specs and configs, ../shared/specs and Fuzz/seeds/. What libFuzzer
# learns is kept in Fuzz/corpus/ (not committed) and reused by the next run. A crash, timeout,
# leak, out-of-memory or slow (10 s) input is written to Fuzz/crashes/ and the script exits
# non-zero; Tests/SDKModelTests/FuzzRegressionTests.swift replays every file there (they are not
# seeds: the fixed ones are bombs that take a second each under ASan and would slow the fuzzer).
# The full libFuzzer log is Fuzz/logs/last.log. FUZZ_CONFIG=debug builds without optimization.
set -euo pipefail

# All in a function, so that bash has read the whole script before it runs: editing it during a
# long run does not break that run.
main() {
    fuzz_dir=$(cd "$(dirname "$0")" && pwd)
    root=$(cd "$fuzz_dir/.." && pwd)
    seconds=${1:-60}
    shift || true
    config=${FUZZ_CONFIG:-release}

    case "$seconds" in
        '' | *[!0-9]*) echo "usage: Fuzz/run.sh [SECONDS] [libFuzzer flags…]" >&2; exit 2 ;;
    esac

    mkdir -p "$fuzz_dir/corpus" "$fuzz_dir/crashes" "$fuzz_dir/logs"
    log="$fuzz_dir/logs/last.log"

    # `-sanitize=fuzzer` instruments every Swift module of the build (YAML, OpenAPI, SDKModel and the
    # harness) for coverage and links libFuzzer; libyaml itself is the system library, uninstrumented.
    echo "fuzz: building FuzzLoader ($config, -sanitize=fuzzer,address)"
    build_flags=(--package-path "$fuzz_dir" -c "$config" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
    build_log=$(mktemp)
    seeds=$(mktemp -d "${TMPDIR:-/tmp}/sdkgen-fuzz-seeds.XXXXXX")
    trap 'rm -rf "$build_log" "$seeds"' EXIT
    if ! nice -n 10 swift build "${build_flags[@]}" >"$build_log" 2>&1; then
        # gold warns about every ASan helper symbol it cannot export; those lines are noise.
        grep -v "Cannot export local symbol" "$build_log" | tail -n 40
        echo "fuzz: error: the fuzz target did not build"
        exit 1
    fi
    binary="$(swift build "${build_flags[@]}" --show-bin-path)/FuzzLoader"

    # Read-only seeds in a temporary folder (libFuzzer adds what it finds to the first folder only).
    copy_all() {
        local prefix=$1
        shift
        local file
        for file in "$@"; do
            [ -f "$file" ] || continue
            cp "$file" "$seeds/$prefix-$(basename "$(dirname "$file")")-$(basename "$file")"
        done
    }
    copy_all specs "$root"/Specs/*.yaml
    copy_all golden "$root"/Tests/Golden/*/openapi.yaml "$root"/Tests/Golden/*/sdkgen.yaml
    copy_all shared "$root"/../shared/specs/*
    copy_all seed "$fuzz_dir"/seeds/*
    echo "fuzz: $(find "$seeds" -type f | wc -l) seed files, $(find "$fuzz_dir/corpus" -type f | wc -l) in Fuzz/corpus; fuzzing for ${seconds}s"

    status=0
    # One process on one core, niced: the machine is shared. Inputs up to 64 KiB; an input that takes
    # 10 s or a process above 2 GiB is a finding.
    nice -n 10 "$binary" "$fuzz_dir/corpus" "$seeds" \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -dict="$fuzz_dir/openapi.dict" -artifact_prefix="$fuzz_dir/crashes/" \
        -print_final_stats=1 "$@" >"$log" 2>&1 || status=$?
    new=$(sed -n 's/^.*Test unit written to //p' "$log")

    grep -E "INITED|DONE|^Done" "$log" | tail -n 3 || true
    grep -E "^stat::" "$log" || true
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    echo "fuzz: ${executions:-0} executions in ${seconds}s"
    if [ "$status" -ne 0 ] || [ -n "$new" ]; then
        # The report: from the sanitizer's or the runtime's first line to the end of the log.
        start=$(grep -n -m 1 -E "^==[0-9]+==|Fatal error|^ALARM|ERROR: libFuzzer" "$log" | cut -d: -f1 || true)
        if [ -n "$start" ]; then tail -n "+$start" "$log" | head -n 80; else tail -n 40 "$log"; fi
        echo "fuzz: error: libFuzzer exited with $status; new inputs in Fuzz/crashes/:"
        echo "${new:-  (none written)}" | sed "s|$root/||"
        exit 1
    fi
    echo "fuzz: no crashes"
}

main "$@"
