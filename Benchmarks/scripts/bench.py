#!/usr/bin/env python3
"""The sdkgen benchmark: one command, one table.

    python3 Benchmarks/scripts/bench.py            # from the repository root; about 10 minutes
    python3 Benchmarks/scripts/bench.py --quick    # fewer runs, no ×100 for swift-openapi-generator

1. Builds, in release, in the Benchmarks package: sdkgen (this repository), Apple's
   swift-openapi-generator 1.14.3 and `yaml-floor` (libyaml's event parser over a file, nothing else).
2. Builds the synthetic scaling specs (×1, ×10, ×100 the full Linq spec, `scale_spec.py`) in a
   temporary folder.
3. For each spec (the two-operation typing spec, the full Linq spec, every other spec in
   ../shared/specs, the scaling specs) runs the three tools in turn, rotating the order every
   round, and reports the median wall time of each whole process and its peak memory
   (`ru_maxrss` from `wait4`). Output folders are generated once first, so the timed runs are
   rebuilds (files unchanged), the common case in a build.
4. Compiles each tool's SDK for the full Linq spec in a throwaway package (sdkgen's with
   SDKRuntime, swift-openapi-generator's with swift-openapi-runtime 1.13.4), dependencies built
   first, and times a debug `swift build --target SDK` from no SDK objects, alternating.

Prints Markdown: the machine, the table, the scaling table and the ratios against the goals.
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
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "specs"))
FULL_LINQ = os.path.join(SHARED, "linq-partner-v3.2026-02.yaml")
FULL_LINQ_CONFIG = os.path.join(ROOT, "Tests", "Corpus", "linq-partner-v3.2026-02.sdkgen.yaml")

def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def run_quiet(arguments, cwd=None):
    result = subprocess.run(arguments, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        log(result.stdout[-4000:])
        raise SystemExit(f"bench: failed: {' '.join(arguments)}")
    return result.stdout


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


class Spec:
    def __init__(self, label, path, config=None, scale=None):
        self.label, self.path, self.config, self.scale = label, path, config, scale
        self.size = os.path.getsize(path)
        self.operations = self.schemas = None


def specs_to_run(work):
    specs = [
        Spec("typing (`Specs/linq.yaml`)", os.path.join(ROOT, "Specs", "linq.yaml"), os.path.join(ROOT, "Specs", "sdkgen.yaml")),
        Spec("full Linq", FULL_LINQ, FULL_LINQ_CONFIG),
    ]
    for name in sorted(os.listdir(SHARED)):
        path = os.path.join(SHARED, name)
        if name.endswith((".yaml", ".yml", ".json")) and path != FULL_LINQ:
            specs.append(Spec(name, path))
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
    return {"floor": [tools["yaml-floor"], spec.path], "sdkgen": sdkgen, "sog": sog}


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


def clean_sdk_objects(package):
    build = os.path.join(package, ".build", "debug", "SDK.build")
    for name in os.listdir(build):
        if name.endswith((".o", ".swiftdeps", ".d", ".dia", ".priors", ".swiftconstvalues")):
            os.remove(os.path.join(build, name))
    modules = os.path.join(package, ".build", "debug", "Modules")
    if os.path.isdir(modules):
        for name in os.listdir(modules):
            if name.startswith("SDK."):
                os.remove(os.path.join(modules, name))


def measure_compile(tools, work, runs):
    """Median seconds of a debug `swift build --target SDK` for each tool's full-Linq SDK."""
    packages = {}
    sdk = os.path.join(work, "compile", "sdkgen")
    os.makedirs(os.path.join(sdk, "Sources"), exist_ok=True)
    run_quiet([tools["sdkgen"], "generate", "--spec", FULL_LINQ, "--config", FULL_LINQ_CONFIG,
               "--output", os.path.join(sdk, "Sources", "SDK")])
    with open(os.path.join(sdk, "Package.swift"), "w") as file:
        file.write(f"""// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "bench-sdkgen",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    dependencies: [.package(name: "sdkgen", path: "{ROOT}")],
    targets: [.target(name: "SDK", dependencies: [.product(name: "SDKRuntime", package: "sdkgen")], exclude: ["api.md"])]
)
""")
    packages["sdkgen"] = (sdk, "SDKRuntime")
    sog = os.path.join(work, "compile", "sog")
    os.makedirs(os.path.join(sog, "Sources", "SDK"), exist_ok=True)
    run_quiet([tools["swift-openapi-generator"], "generate", FULL_LINQ, "--config",
               os.path.join(work, "openapi-generator-config.yaml"), "--output-directory", os.path.join(sog, "Sources", "SDK")])
    with open(os.path.join(sog, "Package.swift"), "w") as file:
        file.write("""// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "bench-sog",
    platforms: [.macOS(.v10_15)],
    dependencies: [.package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4")],
    targets: [.target(name: "SDK", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")])]
)
""")
    packages["sog"] = (sog, "OpenAPIRuntime")
    for tool, (package, runtime) in packages.items():
        log(f"bench: building the {tool} package's dependencies")
        run_quiet(["swift", "build", "--package-path", package, "--target", runtime])
        run_quiet(["swift", "build", "--package-path", package, "--target", "SDK"])
    samples = {tool: [] for tool in packages}
    for round in range(runs):
        order = list(packages) if round % 2 == 0 else list(reversed(packages))
        for tool in order:
            package = packages[tool][0]
            clean_sdk_objects(package)
            start = time.perf_counter()
            run_quiet(["swift", "build", "--package-path", package, "--target", "SDK"])
            samples[tool].append(time.perf_counter() - start)
            log(f"bench: compile {tool}: {samples[tool][-1]:.2f} s")
    lines = {tool: sum(1 for root, _, files in os.walk(os.path.join(packages[tool][0], "Sources")) for f in files if f.endswith(".swift"))
             for tool in packages}
    return {tool: (statistics.median(samples[tool]), lines[tool]) for tool in packages}


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


def report(specs, results, compile_times, runs, loads):
    print(f"Measured {datetime.date.today().isoformat()} on {machine()};")
    print(f"1-minute load average {loads[0]:.1f} at the start, {loads[1]:.1f} at the end (other work on the machine slows both tools).")
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
    if compile_times:
        sdk, sog = compile_times["sdkgen"], compile_times["sog"]
        print(f"\nDebug compile of the full Linq SDK (`swift build --target SDK`, dependencies built, median of {compile_times['runs']}):"
              f" sdkgen {sdk[0]:.2f} s ({sdk[1]} files), swift-openapi-generator {sog[0]:.2f} s ({sog[1]} files):"
              f" sdkgen takes {sdk[0] / sog[0]:.2f} of the time.")
    print("\nGoals:\n")
    full = {"sdkgen": None, "sog": None, **results["full Linq"]}
    x100 = next((s for s in specs if s.scale == 100), None)
    if full["sdkgen"] and full["sog"]:
        ratio = full["sog"][0] / full["sdkgen"][0]
        print(f"- ≥ 10× faster than swift-openapi-generator on the full Linq spec: {ratio:.1f}× ({'met' if ratio >= 10 else 'not met'})")
    if x100 and results[x100.label].get("sdkgen") and results[x100.label].get("floor"):
        r = results[x100.label]
        ratio = r["sdkgen"][0] / r["floor"][0]
        print(f"- ≤ 3× the libyaml parse-only floor on the ×100 spec: {ratio:.1f}× ({'met' if ratio <= 3 else 'not met'})")
    if compile_times:
        ratio = compile_times["sdkgen"][0] / compile_times["sog"][0]
        print(f"- generated full Linq SDK compiles in ≤ 1/3 of swift-openapi-generator's time: {ratio:.2f} ({'met' if ratio <= 1 / 3 else 'not met'})")
    if x100 and results[x100.label].get("sdkgen"):
        ratio = results[x100.label]["sdkgen"][1] / x100.size
        print(f"- peak memory ≤ 10× the spec's size on the ×100 spec: {ratio:.1f}× ({'met' if ratio <= 10 else 'not met'})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=None, help="timed runs per tool and spec (default 7, --quick 3)")
    parser.add_argument("--compile-runs", type=int, default=None, help="timed compiles per tool (default 5, --quick 2)")
    parser.add_argument("--quick", action="store_true", help="fewer runs; swift-openapi-generator skips the ×100 spec")
    parser.add_argument("--skip-compile", action="store_true", help="no compile-time comparison")
    parser.add_argument("--only-compile", action="store_true", help="only the compile-time comparison")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (specs, outputs, packages)")
    arguments = parser.parse_args()
    runs = arguments.runs or (3 if arguments.quick else 7)
    compile_runs = arguments.compile_runs or (2 if arguments.quick else 5)
    if not os.path.exists(FULL_LINQ):
        raise SystemExit(f"bench: {FULL_LINQ} not found")
    tools = build_tools()
    work = tempfile.mkdtemp(prefix="sdkgen-bench.")
    start_load = load_average()
    try:
        specs, results = [], {"full Linq": {}}
        if not arguments.only_compile:
            specs = specs_to_run(work)
            results = measure_generation(tools, specs, work, runs, arguments.quick)
        else:
            with open(os.path.join(work, "openapi-generator-config.yaml"), "w") as file:
                file.write("generate:\n  - types\n  - client\naccessModifier: public\n")
        compile_times = None
        if not arguments.skip_compile:
            compile_times = measure_compile(tools, work, compile_runs)
            compile_times["runs"] = compile_runs
        report(specs, results, compile_times, runs, (start_load, load_average()))
    finally:
        if arguments.keep:
            log(f"bench: kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
