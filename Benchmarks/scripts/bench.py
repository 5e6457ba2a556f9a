#!/usr/bin/env python3
"""The sdkgen benchmark: one command, the tables of the README's "Performance".

    python3 Benchmarks/scripts/bench.py            # from the repository root; about an hour
    python3 Benchmarks/scripts/bench.py --quick    # one compile a tool, no ×100 for swift-openapi-generator

1. Builds, in release, in the Benchmarks package: sdkgen (this repository), Apple's
   swift-openapi-generator 1.14.3 and `yaml-floor` (libyaml's event parser over files, nothing else).
2. Generation: for each spec (the two-operation typing spec, every spec in ../shared/specs, a
   spec split into files by its top file, and the synthetic ×1, ×10, ×100 Linq specs of
   `scale_spec.py`) runs the three tools in turn, rotating the order every round, and reports the
   median wall time of each whole process and its peak memory (`ru_maxrss` from `wait4`). Output
   folders are generated once first, so the timed runs are rebuilds (files unchanged), the common
   case in a build. The floor of a spec split into files parses every file it reads.
3. Compile (`bench_compile.py`): each tool's SDK for the real specs (full Linq, Discord,
   DigitalOcean, OpenAI) in a throwaway package per tool, a debug `swift build --target` from no
   objects of the target, alternating; then one operation's description edited, regenerated and
   rebuilt.
4. Plugin (`plugin_bench.py`): the OpenAI SDK built through SDKGenPlugin, through the old single
   file and from generated sources, clean and after a spec edit.

Prints Markdown: the machine, the tables and the ratios against the goals.
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
ROOT = os.path.dirname(BENCH)
sys.path.insert(0, HERE)

import bench_compile  # noqa: E402
from bench_common import log, run_checked  # noqa: E402
from bench_specs import FULL_LINQ, REAL, Spec, real_specs, shared_specs, spec_files  # noqa: E402

def run_quiet(arguments, cwd=None):
    return run_checked(arguments, cwd, "bench")


RUN_MEASURED = None  # The `run-measured` binary, set once the tools are built.
RESULT_FILE = os.path.join(tempfile.gettempdir(), f"sdkgen-bench-{os.getpid()}.result")


def timed(arguments, cwd=None):
    """Wall seconds and peak resident memory (bytes) of one process, or None when it failed."""
    subprocess.run([RUN_MEASURED, RESULT_FILE] + arguments, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    with open(RESULT_FILE) as file:
        seconds, peak, status = file.read().split()
    os.remove(RESULT_FILE)
    return None if int(status) != 0 else (float(seconds), int(peak))


def build_tools():
    log("bench: building sdkgen, swift-openapi-generator 1.14.3 and yaml-floor in release (minutes the first time)")
    names = ["swift-openapi-generator", "sdkgen", "yaml-floor", "run-measured"]
    for product in names:
        run_quiet(["swift", "build", "-c", "release", "--package-path", BENCH, "--product", product])
    bin_path = run_quiet(["swift", "build", "-c", "release", "--package-path", BENCH, "--show-bin-path"]).strip().splitlines()[-1]
    global RUN_MEASURED
    RUN_MEASURED = os.path.join(bin_path, "run-measured")
    return {name: os.path.join(bin_path, name) for name in names}


def specs_to_run(work):
    specs = [Spec("typing (`Specs/linq.yaml`)", os.path.join(ROOT, "Specs", "linq.yaml"), os.path.join(ROOT, "Specs", "sdkgen.yaml"))]
    for path, config, short in shared_specs():
        label = short if short else os.path.basename(path)
        specs.append(Spec(label + (f" ({len(spec_files(path))} files)" if len(spec_files(path)) > 1 else ""), path, config, short=short))
    for copies in [1, 10, 100]:
        path = os.path.join(work, "specs", f"linq-x{copies}.yaml")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        log(f"bench: building the ×{copies} scaling spec")
        # In a process of its own, so this one stays small (see `run-measured`).
        run_quiet([sys.executable, os.path.join(HERE, "scale_spec.py"), FULL_LINQ, str(copies), path])
        specs.append(Spec(f"scaling ×{copies}", path, scale=copies))
    return specs


def commands(tools, spec, work, index):
    out = os.path.join(work, "out", str(index))
    sdkgen = [tools["sdkgen"], "generate", "--spec", spec.path, "--output", os.path.join(out, "sdkgen")]
    if spec.config:
        sdkgen += ["--config", spec.config]
    sog_config = os.path.join(work, "openapi-generator-config.yaml")
    sog = [tools["swift-openapi-generator"], "generate", spec.path, "--config", sog_config,
           "--output-directory", os.path.join(out, "sog")]
    return {"floor": [tools["yaml-floor"]] + spec.files, "sdkgen": sdkgen, "sog": sog}


def count(tools, spec):
    arguments = [tools["sdkgen"], "validate", "--spec", spec.path] + (["--config", spec.config] if spec.config else [])
    text = subprocess.run(arguments, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    match = re.search(r"(\d+) operations, (\d+) schemas", text)
    if match:
        spec.operations, spec.schemas = int(match.group(1)), int(match.group(2))


def measure_generation(tools, specs, work, runs, quick):
    with open(os.path.join(work, "openapi-generator-config.yaml"), "w") as file:
        file.write("generate:\n  - types\n  - client\naccessModifier: public\n")
    results = {}
    for index, spec in enumerate(specs):
        count(tools, spec)
        command = commands(tools, spec, work, index)
        tools_here = ["floor", "sdkgen", "sog"]
        if quick and spec.scale == 100:
            tools_here.remove("sog")
        samples = {tool: [] for tool in tools_here}
        failed = set()
        for tool in tools_here:  # Warm-up: writes the output folders, loads the page cache.
            if timed(command[tool]) is None:
                failed.add(tool)
        slow = 0
        for round in range(runs):
            order = tools_here[round % len(tools_here):] + tools_here[:round % len(tools_here)]
            for tool in order:
                if tool in failed or (tool == "sog" and slow and round >= slow):
                    continue
                sample = timed(command[tool])
                if sample is None:
                    failed.add(tool)
                    continue
                samples[tool].append(sample)
                if tool == "sog" and sample[0] > 5 and not slow:
                    slow = 3  # swift-openapi-generator on the ×100 spec: three runs are enough.
        # A tool's median seconds, peak bytes and run count; `None` when it failed; absent when skipped.
        results[spec.label] = {tool: (None if tool in failed or not samples[tool] else
                                      (statistics.median(s[0] for s in samples[tool]), max(s[1] for s in samples[tool]),
                                       len(samples[tool]))) for tool in tools_here}
        log(f"bench: {spec.label}: " + ", ".join(
            f"{tool} {value[0] * 1000:.1f} ms" if value else f"{tool} failed" for tool, value in results[spec.label].items()))
    return results


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as file:
            for line in file:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    swift = subprocess.run(["swift", "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout.splitlines()[0]
    return f"{platform.system()} {platform.release()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), {swift}"


def ms(value):
    return "–" if value is None else (f"{value * 1000:.0f}" if value >= 0.1 else f"{value * 1000:.1f}")


def mb(value):
    return "–" if value is None else f"{value / 1e6:.1f}"


def load_average():
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def report_generation(specs, results, runs):
    print(f"Median of {runs} runs per tool (swift-openapi-generator: 3 on the ×100 spec), tools alternating;")
    print("wall time of the whole process (start-up included), output folder already up to date.\n")
    print("| spec | size | operations / schemas | libyaml floor (ms) | sdkgen (ms) | swift-openapi-generator (ms) | sog ÷ sdkgen | sdkgen ÷ floor | sdkgen peak (MB) | sdkgen peak ÷ size | sog peak (MB) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for spec in specs:
        r = results[spec.label]
        floor, sdkgen, sog = r.get("floor"), r.get("sdkgen"), r.get("sog")
        sog_cell = "–" if "sog" not in r else "failed" if sog is None else ms(sog[0])
        size = f"{spec.size / 1e6:.1f} MB" if spec.size >= 1e6 else f"{spec.size / 1e3:.0f} KB"
        counts = f"{spec.operations} / {spec.schemas}" if spec.operations is not None else "–"
        ratio_sog = f"{sog[0] / sdkgen[0]:.1f}×" if sog and sdkgen else "–"
        ratio_floor = f"{sdkgen[0] / floor[0]:.1f}×" if sdkgen and floor else "–"
        peak_ratio = f"{sdkgen[1] / spec.size:.1f}×" if sdkgen and spec.size >= 1e6 else "–"  # Start-up memory dominates below.
        print(f"| {spec.label} | {size} | {counts} | {ms(floor and floor[0])} | {ms(sdkgen and sdkgen[0])} | "
              f"{sog_cell} | "
              f"{ratio_sog} | {ratio_floor} | {mb(sdkgen and sdkgen[1])} | {peak_ratio} | {mb(sog and sog[1])} |")
    scaled = [s for s in specs if s.scale]
    if scaled:
        print("\nScaling (sdkgen):\n")
        print("| spec | size | sdkgen (ms) | ms per MB | peak (MB) | peak above ×1 (MB) per MB of spec |")
        print("| --- | --- | --- | --- | --- | --- |")
        base = results[scaled[0].label].get("sdkgen")
        for spec in scaled:
            r = results[spec.label].get("sdkgen")
            if not r:
                continue
            growth = f"{(r[1] - base[1]) / (spec.size - scaled[0].size):.1f}" if base and spec is not scaled[0] else "–"
            print(f"| ×{spec.scale} | {spec.size / 1e6:.1f} MB | {ms(r[0])} | {r[0] * 1000 / (spec.size / 1e6):.0f} | {mb(r[1])} | {growth} |")


def seconds(values):
    return "–" if not values else ", ".join(f"{v:.1f}" for v in values)


def report_compile(compile_times):
    runs = compile_times.pop("runs")
    print(f"\nDebug compile of each tool's SDK (`swift build --target`, its runtime already built, from no objects of the"
          f" target; every run listed, tools alternating, {runs} a tool). Incremental: one operation's summary or description"
          " edited in a copy of the spec, regenerated and rebuilt (both timed); source files compiled again of all.\n")
    print("| spec | sdkgen files / lines | sdkgen clean (s) | sdkgen median | swift-openapi-generator files / lines | sog clean (s) |"
          " sog median | sdkgen ÷ sog | sdkgen incremental | sog incremental |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for label, tools in compile_times.items():
        sdk, sog = tools.get("sdkgen"), tools.get("swift-openapi-generator")
        cells = [label]
        for result in (sdk, sog):
            if result is None:
                cells += ["cannot generate", "–", "–"]
            elif result.get("fails"):
                cells += [f"{result['files']} / {result['lines']:,}", "does not compile", "–"]
            else:
                cells += [f"{result['files']} / {result['lines']:,}", seconds(result["clean"]),
                          f"{bench_compile.median(result['clean']):.1f}" if result["clean"] else "–"]
        ratio = (bench_compile.median(sdk["clean"]) / bench_compile.median(sog["clean"])
                 if sdk and sog and sdk["clean"] and sog["clean"] else None)
        cells.append(f"{ratio:.2f}" if ratio else "–")
        for result in (sdk, sog):
            incremental = result and result["incremental"]
            cells.append(f"{incremental[0]:.1f} s, {incremental[1]} of {incremental[2]} files" if incremental else "–")
        print("| " + " | ".join(cells) + " |")


def report_goals(specs, results, compile_times, plugin_times):
    print("\nGoals:\n")
    for spec in specs:
        if spec.short not in REAL.values():
            continue
        r = results.get(spec.label, {})
        sdk, sog, floor = r.get("sdkgen"), r.get("sog"), r.get("floor")
        if sdk and floor:
            speed = f"{sog[0] / sdk[0]:.1f}× faster than swift-openapi-generator ({'met' if sog[0] / sdk[0] >= 30 else 'not met'})" if sog else "swift-openapi-generator cannot read it"
            ratio = sdk[0] / floor[0]
            print(f"- {spec.short}: ≥ 30× faster than swift-openapi-generator and ≤ 3× the floor: {speed}; "
                  f"{ratio:.1f}× the floor ({'met' if ratio <= 3 else 'not met'})")
    x100 = next((s for s in specs if s.scale == 100), None)
    if x100 and results.get(x100.label, {}).get("sdkgen") and results[x100.label].get("floor"):
        r = results[x100.label]
        ratio, memory = r["sdkgen"][0] / r["floor"][0], r["sdkgen"][1] / x100.size
        print(f"- ×100 spec ≤ 3× the libyaml floor: {ratio:.1f}× ({'met' if ratio <= 3 else 'not met'}); "
              f"peak memory ≤ 10× its size: {memory:.1f}× ({'met' if memory <= 10 else 'not met'})")
    if compile_times:
        for label, tools in compile_times.items():
            if label == "runs":
                continue
            sdk, sog = tools.get("sdkgen"), tools.get("swift-openapi-generator")
            if sdk and sog and sog.get("fails"):
                print(f"- {label} SDK compiles in ≤ 1/4 of swift-openapi-generator's time: swift-openapi-generator's does not compile")
            if sdk and sog and sdk["clean"] and sog["clean"]:
                ratio = bench_compile.median(sdk["clean"]) / bench_compile.median(sog["clean"])
                print(f"- {label} SDK compiles in ≤ 1/4 of swift-openapi-generator's time: {ratio:.2f} ({'met' if ratio <= 0.25 else 'not met'})")
            if label == "OpenAI" and sdk and sdk["clean"]:
                time_ = bench_compile.median(sdk["clean"])
                print(f"- OpenAI SDK compiles in under 90 s: {time_:.1f} s ({'met' if time_ < 90 else 'not met'})")
    if plugin_times:
        import plugin_bench
        verdict = plugin_bench.goal(plugin_times)
        if verdict:
            print("- " + verdict)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=None, help="timed runs per tool and spec (default 7, --quick 3)")
    parser.add_argument("--compile-runs", type=int, default=None, help="timed clean compiles per tool and spec (default 3, --quick 1)")
    parser.add_argument("--compile-specs", default=None,
                        help="comma-separated real specs to compile (default: full Linq,Discord,DigitalOcean,OpenAI)")
    parser.add_argument("--plugin-runs", type=int, default=None, help="timed plugin builds per variant (default 2, --quick 1)")
    parser.add_argument("--quick", action="store_true", help="fewer runs; swift-openapi-generator skips the ×100 spec")
    parser.add_argument("--skip-generate", action="store_true", help="no generation-time table")
    parser.add_argument("--skip-compile", action="store_true", help="no compile-time table")
    parser.add_argument("--skip-incremental", action="store_true", help="no incremental rebuilds in the compile table")
    parser.add_argument("--skip-plugin", action="store_true", help="no plugin-build table")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (specs, outputs, packages)")
    arguments = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # Each table as soon as it is measured.
    runs = arguments.runs or (3 if arguments.quick else 7)
    compile_runs = arguments.compile_runs or (1 if arguments.quick else 3)
    plugin_runs = arguments.plugin_runs or (1 if arguments.quick else 2)
    if not os.path.exists(FULL_LINQ):
        raise SystemExit(f"bench: {FULL_LINQ} not found")
    tools = build_tools()
    work = tempfile.mkdtemp(prefix="sdkgen-bench.")
    start_load = load_average()
    try:
        specs, results = [], {}
        if not arguments.skip_generate:
            specs = specs_to_run(work)
            results = measure_generation(tools, specs, work, runs, arguments.quick)
            print(f"Measured {datetime.date.today().isoformat()} on {machine()}.\n", flush=True)
            report_generation(specs, results, runs)
        compile_times = None
        if not arguments.skip_compile:
            wanted = (arguments.compile_specs or "full Linq,Discord,DigitalOcean,OpenAI").split(",")
            chosen = [spec for spec in real_specs() if spec.short in wanted]
            chosen.sort(key=lambda spec: wanted.index(spec.short))
            compile_times = bench_compile.measure_compile(tools, chosen, work, compile_runs, not arguments.skip_incremental)
            compile_times["runs"] = compile_runs
            report_compile(dict(compile_times))
        plugin_times = None
        if not arguments.skip_plugin and os.path.exists(os.path.join(HERE, "plugin_bench.py")):
            import plugin_bench
            plugin_times = plugin_bench.measure_plugin(plugin_runs, os.path.join(work, "plugin"))
            print("\n" + plugin_bench.report_plugin(plugin_times), flush=True)
        report_goals(specs, results, compile_times, plugin_times)
        print(f"\n1-minute load average {start_load:.1f} at the start, {load_average():.1f} at the end.")
    finally:
        if arguments.keep:
            log(f"bench: kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
