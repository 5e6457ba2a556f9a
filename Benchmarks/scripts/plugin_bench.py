#!/usr/bin/env python3
"""What SDKGenPlugin's bucketed output costs to compile, against one file and a folder of files.

    python3 Benchmarks/scripts/plugin_bench.py                 # the OpenAI spec; ~25 min a run
    python3 Benchmarks/scripts/plugin_bench.py --spec ../shared/specs/linq-partner-v3.2026-02.yaml --runs 1

One throwaway package in a temporary folder depends on this repository by path and has three
targets, each the same SDK built from the same spec file:

- `Plugin`: through SDKGenPlugin (`generate --plugin-layout Plugin`: a Client file and 16 parts,
  each a sixteenth of the models and resources, compiled in parallel);
- `SingleFile`: one source file holding the whole SDK, the files `generate` writes joined in path
  order, as the plugin wrote it before (`--single-file`);
- `Folder`: the files `generate` writes (a file per resource, the models in 16 to 256 files), as
  in `Generated/`.

SDKRuntime and sdkgen are built first (and each target once from a tiny spec, so the plugin's
tool is built too). Then, for each run and each variant in turn (the order alternates):

- clean: the target's objects removed (for `Plugin` its plugin outputs too, so sdkgen runs in
  that build), then a debug `swift build --target X`;
- incremental: one operation's own `summary` or `description` edited in the spec, then for `SingleFile` and
  `Folder` `sdkgen generate` (timed apart, one run for both), then `swift build --target X`.
  The files the compiler compiled again are counted (each compiled file gets a fresh `.d`
  file; an object file whose bytes come out the same keeps its time stamp, so it cannot tell);
- for `Plugin` also: the spec touched with the same bytes, then `swift build` (sdkgen runs,
  writes nothing, nothing is compiled).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from bench_common import log, run_checked  # noqa: E402
from bench_specs import edit_line, operation_text_line  # noqa: E402
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "specs"))
OPENAI = os.path.join(SHARED, "openai-2.3.0.yaml")
TINY = os.path.join(ROOT, "Tests", "Golden", "Widgets", "openapi.yaml")
VARIANTS = ["Plugin", "SingleFile", "Folder"]
OBJECT_SUFFIXES = (".o", ".swiftdeps", ".d", ".dia", ".priors", ".swiftconstvalues")


def run(arguments, cwd=None):
    return run_checked(arguments, cwd, "plugin_bench")


def timed(arguments, cwd=None):
    start = time.perf_counter()
    run(arguments, cwd=cwd)
    return time.perf_counter() - start


def config_for(spec):
    """The corpus's config for `spec` (Tests/Corpus/<stem>.sdkgen.yaml), as .ci/corpus picks it, or None."""
    stem = os.path.splitext(os.path.basename(spec))[0]
    path = os.path.join(ROOT, "Tests", "Corpus", stem + ".sdkgen.yaml")
    return path if os.path.isfile(path) else None


def edit_description(spec_path):
    """Edits, in place, the operation's own one-line summary or description that the compile
    table's edit picks (`bench_specs.operation_text_line`); returns its line number."""
    with open(spec_path, encoding="utf-8") as file:
        lines = file.read().split("\n")
    index = operation_text_line(lines)
    if index is None:
        raise SystemExit(f"plugin_bench: no operation summary or description to edit in {spec_path}")
    lines[index] = edit_line(lines[index])
    with open(spec_path, "w", encoding="utf-8") as file:
        file.write("\n".join(lines))
    return index + 1


def write_if_changed(path, data):
    """Writes `data` to `path` unless it already holds exactly it (so its time stamp stays)."""
    if os.path.exists(path):
        with open(path, "rb") as file:
            if file.read() == data:
                return False
    with open(path, "wb") as file:
        file.write(data)
    return True


def join_swift_files(folder):
    """Every .swift file below `folder`, in path order, concatenated (their headers are comments)."""
    paths = sorted(os.path.relpath(os.path.join(base, name), folder)
                   for base, _, names in os.walk(folder) for name in names if name.endswith(".swift"))
    data = b""
    for path in paths:
        with open(os.path.join(folder, path), "rb") as file:
            data += f"\n// sdkgen:file {path}\n".encode() + file.read()
    return data


class Package:
    """The throwaway package and how each variant is generated, cleaned and built."""

    def __init__(self, work, spec, config):
        self.path = os.path.join(work, "plugin-bench")
        self.spec = os.path.join(self.path, "Sources", "Plugin", "openapi.yaml")
        self.real_spec, self.config = spec, config
        for variant in VARIANTS:
            os.makedirs(os.path.join(self.path, "Sources", variant), exist_ok=True)
        self.write_manifest(webhooks=False)
        with open(os.path.join(self.path, "Sources", "Plugin", "Plugin.swift"), "w") as file:
            file.write("// The SDK is generated by SDKGenPlugin; SwiftPM drops a target without a Swift file of its own.\n")
        with open(os.path.join(self.path, "Sources", "Plugin", "sdkgen.yaml"), "w") as file:
            file.write(open(config).read() if config else "")
        # The plugin needs a spec while SwiftPM plans, even a build of another target.
        shutil.copyfile(TINY, self.spec)
        # And SwiftPM keeps no target that had no Swift file when it first planned: a placeholder
        # each, which the first generation replaces (Folder's has the header, so sdkgen removes it).
        for variant, name in [("SingleFile", "SDK.swift"), ("Folder", "Placeholder.swift")]:
            with open(os.path.join(self.path, "Sources", variant, name), "w") as file:
                file.write("// Generated by sdkgen: a placeholder until the first generation.\n")
        self.sdkgen = None

    def write_manifest(self, webhooks):
        """Package.swift; with `webhooks`, every target links SDKWebhooks too (an SDK that verifies
        webhook signatures imports it)."""
        products = '.product(name: "SDKRuntime", package: "sdkgen")'
        if webhooks:
            products += ', .product(name: "SDKWebhooks", package: "sdkgen")'
        with open(os.path.join(self.path, "Package.swift"), "w") as file:
            file.write(f"""// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "plugin-bench",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    dependencies: [.package(name: "sdkgen", path: "{ROOT}")],
    targets: [
        .target(name: "Plugin", dependencies: [{products}], plugins: [.plugin(name: "SDKGenPlugin", package: "sdkgen")]),
        .target(name: "SingleFile", dependencies: [{products}]),
        .target(name: "Folder", dependencies: [{products}], exclude: ["api.md"]),
    ]
)
""")

    @property
    def debug(self):
        return os.path.join(self.path, ".build", "debug")

    def build(self, target):
        return timed(["swift", "build", "--package-path", self.path, "--target", target])

    def prepare(self):
        """Builds the dependencies, and each target once from a tiny spec; then puts the real spec in."""
        log("plugin_bench: building SDKRuntime and sdkgen")
        run(["swift", "build", "--package-path", self.path, "--target", "SDKRuntime"])
        run(["swift", "build", "--package-path", self.path, "--product", "sdkgen"])
        self.sdkgen = os.path.join(self.debug, "sdkgen")
        self.generate()
        for variant in VARIANTS:
            log(f"plugin_bench: building {variant} once from a tiny spec (builds the plugin's tool)")
            self.build(variant)
        shutil.copyfile(self.real_spec, self.spec)
        self.generate()
        folder = os.path.join(self.path, "Sources", "Folder")
        if any(name.endswith("+Verification.swift") for name in os.listdir(folder)):
            log("plugin_bench: the SDK verifies webhooks: building SDKWebhooks")
            self.write_manifest(webhooks=True)
            run(["swift", "build", "--package-path", self.path, "--target", "SDKWebhooks"])
        # Plans again now that the targets' files changed, so no timed build pays for it.
        run(["swift", "build", "--package-path", self.path, "--target", "SDKRuntime"])

    def generate(self):
        """`sdkgen generate` for Folder, then Folder's files joined into SingleFile's one file."""
        config = ["--config", self.config] if self.config else []
        start = time.perf_counter()
        run([self.sdkgen, "generate", "--spec", self.spec, *config, "--output", os.path.join(self.path, "Sources", "Folder")])
        seconds = time.perf_counter() - start
        write_if_changed(os.path.join(self.path, "Sources", "SingleFile", "SDK.swift"), join_swift_files(os.path.join(self.path, "Sources", "Folder")))
        return seconds

    def clean(self, variant):
        """Removes `variant`'s objects and module (and for Plugin its plugin outputs) only."""
        for base, _, names in os.walk(os.path.join(self.debug, variant + ".build")):
            for name in names:
                if name.endswith(OBJECT_SUFFIXES):
                    os.remove(os.path.join(base, name))
        modules = os.path.join(self.debug, "Modules")
        if os.path.isdir(modules):
            for name in os.listdir(modules):
                if name.startswith(variant + "."):
                    os.remove(os.path.join(modules, name))
        if variant == "Plugin":
            outputs = os.path.join(self.path, ".build", "plugins", "outputs", "plugin-bench", "Plugin")
            shutil.rmtree(outputs, ignore_errors=True)

    def objects(self, variant, newer_than=None):
        """How many of `variant`'s generated source files were compiled: all of them, or those
        compiled after `newer_than`. The compiler writes a `.d` file for each file it compiles
        (the object file keeps its time stamp when its bytes come out the same)."""
        paths = [os.path.join(base, name) for base, _, names in os.walk(os.path.join(self.debug, variant + ".build"))
                 for name in names if name.endswith(".d") and not name.endswith(".emit-module.d") and name != "Plugin.d"]
        if newer_than is not None:
            paths = [path for path in paths if os.path.getmtime(path) > newer_than]
        return len(paths)


def measure_plugin(runs, work_dir, spec=OPENAI, config=None):
    """Seconds of a clean and an incremental debug build of each variant, every sample kept."""
    config = config if config is not None else config_for(spec)
    package = Package(work_dir, spec, config)
    package.prepare()
    results = {variant: {"clean": [], "generate": [], "incremental": [], "rebuilt": [], "objects": 0, "touch": []} for variant in VARIANTS}
    for round_number in range(runs):
        order = VARIANTS if round_number % 2 == 0 else list(reversed(VARIANTS))
        for variant in order:
            package.clean(variant)
            seconds = package.build(variant)
            results[variant]["clean"].append(seconds)
            results[variant]["objects"] = package.objects(variant)
            log(f"plugin_bench: {variant}: clean build {seconds:.1f} s")
        time.sleep(1.1)  # Time stamps of what the edit rebuilds are then surely newer.
        edited = time.time()
        line = edit_description(package.spec)
        log(f"plugin_bench: edited the description at line {line} of the spec")
        # One sdkgen run serves SingleFile and Folder (SingleFile's file is Folder's files joined).
        generate = package.generate()
        for variant in order:
            seconds = package.build(variant)
            rebuilt = package.objects(variant, newer_than=edited)
            if variant != "Plugin":
                results[variant]["generate"].append(generate)
            results[variant]["incremental"].append(seconds)
            results[variant]["rebuilt"].append(rebuilt)
            log(f"plugin_bench: {variant}: incremental: build {seconds:.1f} s, {rebuilt} files recompiled")
        touched = time.time()
        time.sleep(1.1)
        os.utime(package.spec)
        seconds = package.build("Plugin")
        rebuilt = package.objects("Plugin", newer_than=touched)
        results["Plugin"]["touch"].append(seconds)
        results["Plugin"]["touch_rebuilt"] = results["Plugin"].get("touch_rebuilt", []) + [rebuilt]
        log(f"plugin_bench: Plugin: spec touched, same bytes: build {seconds:.1f} s, {rebuilt} files recompiled")
    results["spec"] = os.path.basename(spec)
    return results


def report_plugin(results):
    """A Markdown table of `measure_plugin`'s results: medians, with every sample in brackets."""
    def cell(samples, unit="s", digits=1):
        if not samples:
            return "–"
        median = statistics.median(samples)
        each = ", ".join(f"{value:.{digits}f}" for value in samples)
        return f"{median:.{digits}f} {unit}" + (f" ({each})" if len(samples) > 1 else "")

    lines = [
        f"Debug `swift build --target X` of the SDK for `{results['spec']}` (median, every sample in brackets).",
        "",
        "| variant | files | clean build | incremental: sdkgen | incremental: build | files recompiled | spec touched, same bytes |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    names = {"Plugin": "SDKGenPlugin, 17 files", "SingleFile": "one file (the old plugin)", "Folder": "files in a folder (`Generated/`)"}
    for variant in VARIANTS:
        row = results[variant]
        generate = "in the build" if variant == "Plugin" else cell(row["generate"], digits=2)
        rebuilt = ", ".join(str(value) for value in row["rebuilt"]) or "–"
        touch = (cell(row["touch"]) + ", " + "/".join(str(n) for n in row["touch_rebuilt"]) + " files recompiled") if variant == "Plugin" else "–"
        lines.append(f"| {names[variant]} | {row['objects']} | {cell(row['clean'])} | {generate} | {cell(row['incremental'])} | {rebuilt} | {touch} |")
    return "\n".join(lines)


def goal(results):
    """The goal's line: the plugin build no slower than the same SDK from a folder of files."""
    plugin, folder = results["Plugin"]["clean"], results["Folder"]["clean"]
    if not plugin or not folder:
        return None
    ratio = statistics.median(plugin) / statistics.median(folder)
    return (f"plugin build of the {results['spec']} SDK no slower than from generated files: clean {statistics.median(plugin):.1f} s"
            f" against {statistics.median(folder):.1f} s, {ratio:.2f} ({'met' if ratio <= 1.05 else 'not met'}; the line is 1.05, the noise of one run)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spec", default=OPENAI, help="the OpenAPI description (default: the OpenAI spec in ../shared/specs)")
    parser.add_argument("--config", help="its sdkgen.yaml (default: Tests/Corpus/<stem>.sdkgen.yaml when present)")
    parser.add_argument("--runs", type=int, default=3, help="clean and incremental builds per variant (default 3)")
    parser.add_argument("--keep", help="build in this folder and keep it (default: a temporary folder, removed)")
    arguments = parser.parse_args()
    spec = os.path.abspath(arguments.spec)
    config = os.path.abspath(arguments.config) if arguments.config else config_for(spec)
    work = arguments.keep or tempfile.mkdtemp(prefix="sdkgen-plugin-bench.")
    os.makedirs(work, exist_ok=True)
    try:
        print(report_plugin(measure_plugin(arguments.runs, work, spec=spec, config=config or "")))
    finally:
        if not arguments.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
