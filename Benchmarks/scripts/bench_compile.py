"""Compile time of the SDKs sdkgen and swift-openapi-generator generate, for `bench.py`.

One throwaway package per tool, one target per spec (`SDK_<name>`), so each tool's runtime is
built once. A clean compile removes the target's objects and module, then times a debug
`swift build --target` of it (the runtime already built), the tools alternating. The
incremental case edits one operation's description in a copy of the spec, regenerates and
rebuilds (the time of both), and counts the source files the compiler compiled again.
"""

import os
import re
import shutil
import statistics
import subprocess
import time

from bench_common import log
from bench_specs import copy_spec_for_edit

SDKGEN_PACKAGE = """// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "bench-sdkgen",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    dependencies: [.package(name: "sdkgen", path: "{root}")],
    targets: [
{targets}
    ]
)
"""
SDKGEN_TARGET = '        .target(name: "{name}", dependencies: [{products}], exclude: ["api.md"]),'
# An SDK that verifies webhook signatures (`<Event>+Verification.swift`) links SDKWebhooks too.
RUNTIME = '.product(name: "SDKRuntime", package: "sdkgen")'
WEBHOOKS = '.product(name: "SDKWebhooks", package: "sdkgen")'
SOG_PACKAGE = """// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "bench-sog",
    platforms: [.macOS(.v10_15)],
    dependencies: [.package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4")],
    targets: [
{targets}
    ]
)
"""
SOG_TARGET = '        .target(name: "{name}", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")]),'
SOG_CONFIG = "generate:\n  - types\n  - client\naccessModifier: public\n"


def run(arguments, cwd=None):
    """Exit status and output of a command."""
    result = subprocess.run(arguments, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return result.returncode, result.stdout


def target_name(spec):
    return "SDK_" + re.sub(r"[^A-Za-z0-9]", "_", spec.short)


def generate(tool, tools, spec, folder, work):
    """Writes `tool`'s SDK for `spec` into `folder`; True when the tool could generate it."""
    os.makedirs(folder, exist_ok=True)
    if tool == "sdkgen":
        arguments = [tools["sdkgen"], "generate", "--spec", spec.path, "--output", folder]
        if spec.config:
            arguments += ["--config", spec.config]
    else:
        config = os.path.join(work, "openapi-generator-config.yaml")
        with open(config, "w") as file:
            file.write(SOG_CONFIG)
        arguments = [tools["swift-openapi-generator"], "generate", spec.path, "--config", config, "--output-directory", folder]
    status, output = run(arguments)
    if status != 0:
        log(f"bench: {tool} cannot generate {spec.short}: " + output.strip().splitlines()[-1][:200] if output.strip() else "")
    return status == 0


def verifies(package, spec):
    folder = os.path.join(package, "Sources", target_name(spec))
    return any(name.endswith("+Verification.swift") for name in os.listdir(folder))


def products(package, spec):
    return RUNTIME + (", " + WEBHOOKS if verifies(package, spec) else "")


def build_folder(package, name):
    return os.path.join(package, ".build", "debug", name + ".build")


def clean_target(package, name):
    """Removes what compiling the target wrote (objects, dependency records), not the build plan's
    files (`output-file-map.json`, which SwiftPM writes only when the plan changes)."""
    build = build_folder(package, name)
    for root, _, files in os.walk(build):
        for file in files:
            if file.endswith((".o", ".swiftdeps", ".d", ".dia", ".priors", ".swiftconstvalues", ".emit-module.d")):
                os.remove(os.path.join(root, file))
    modules = os.path.join(package, ".build", "debug", "Modules")
    if os.path.isdir(modules):
        for entry in os.listdir(modules):
            if entry.startswith(name + "."):
                os.remove(os.path.join(modules, entry))


def objects(package, name):
    """The modification time of the dependency file (`.d`) of each source file the target compiles to
    an object: the compiler writes it on every compile of the file, while an object file whose
    bytes did not change (an edited doc comment) keeps its old time."""
    build = build_folder(package, name)
    found = {}
    for root, _, files in os.walk(build):
        for file in files:
            if file.endswith(".o") and os.path.exists(os.path.join(root, file[:-len(".swift.o")] + ".d")):
                path = os.path.join(root, file[:-len(".swift.o")] + ".d")
                found[path] = os.stat(path).st_mtime_ns
    return found


def swift_size(folder):
    """Swift files and lines below `folder`."""
    files = lines = 0
    for root, _, names in os.walk(folder):
        for name in names:
            if name.endswith(".swift"):
                files += 1
                with open(os.path.join(root, name), encoding="utf-8") as file:
                    lines += sum(1 for _ in file)
    return files, lines


def build(package, name):
    """Seconds of `swift build --target name`, or None when the SDK does not compile (its first
    error is logged)."""
    start = time.perf_counter()
    status, output = run(["swift", "build", "--package-path", package, "--target", name])
    seconds = time.perf_counter() - start
    if status != 0:
        first = next((line for line in output.splitlines() if "error:" in line), output[-300:])
        log(f"bench: {name} in {package} does not compile: {first.strip()[:300]}")
        return None
    return seconds


def measure_compile(tools, specs, work, runs, incremental=True):
    """{spec label: {tool: {"clean": [s…], "files": n, "lines": n, "incremental": (s, recompiled, of) | None} | None}}."""
    tools_used = ["sdkgen", "swift-openapi-generator"]
    packages = {tool: os.path.join(work, "compile", tool) for tool in tools_used}
    generated = {tool: [] for tool in tools_used}
    results = {spec.label: {} for spec in specs}
    for tool in tools_used:
        for spec in specs:
            folder = os.path.join(packages[tool], "Sources", target_name(spec))
            if generate(tool, tools, spec, folder, work):
                generated[tool].append(spec)
                files, lines = swift_size(folder)
                results[spec.label][tool] = {"clean": [], "files": files, "lines": lines, "incremental": None}
            else:
                shutil.rmtree(folder, ignore_errors=True)
                results[spec.label][tool] = None
        template = SDKGEN_PACKAGE if tool == "sdkgen" else SOG_PACKAGE
        target = SDKGEN_TARGET if tool == "sdkgen" else SOG_TARGET
        with open(os.path.join(packages[tool], "Package.swift"), "w") as file:
            file.write(template.format(root=os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")),
                                       targets="\n".join(target.format(name=target_name(s), products=products(packages[tool], s))
                                                         for s in generated[tool])))
        runtimes = ["SDKRuntime"] if tool == "sdkgen" else ["OpenAPIRuntime"]
        if tool == "sdkgen" and any(verifies(packages[tool], s) for s in generated[tool]):
            runtimes.append("SDKWebhooks")  # swift-crypto: built here, so no SDK's time counts it.
        for runtime in runtimes:
            log(f"bench: building {tool}'s runtime ({runtime}) for the compile comparison")
            status, output = run(["swift", "build", "--package-path", packages[tool], "--target", runtime])
            if status != 0:
                log(output[-3000:])
                raise SystemExit(f"bench: building {runtime} failed")
    for spec in specs:
        here = [tool for tool in tools_used if results[spec.label][tool] is not None]
        for round in range(runs):
            order = here if round % 2 == 0 else list(reversed(here))
            for tool in order:
                name = target_name(spec)
                if results[spec.label][tool].get("fails"):
                    continue
                clean_target(packages[tool], name)
                seconds = build(packages[tool], name)
                if seconds is None:
                    results[spec.label][tool]["fails"] = True
                    continue
                results[spec.label][tool]["clean"].append(seconds)
                log(f"bench: compile {spec.short} ({tool}): {seconds:.1f} s")
        if not incremental:
            continue
        for tool in [tool for tool in here if not results[spec.label][tool].get("fails")]:
            results[spec.label][tool]["incremental"] = measure_incremental(tool, tools, spec, packages[tool], work)
    return results


def measure_incremental(tool, tools, spec, package, work):
    """Seconds to regenerate and rebuild after one operation's description changed, the source files
    compiled again and all of them; the target is left as the unedited spec makes it."""
    name = target_name(spec)
    folder = os.path.join(package, "Sources", name)
    edited = copy_spec_for_edit(spec, os.path.join(work, "edited", tool, spec.short))
    before = objects(package, name)
    start = time.perf_counter()
    if not generate(tool, tools, edited, folder, work) or build(package, name) is None:
        return None
    seconds = time.perf_counter() - start
    after = objects(package, name)
    recompiled = sum(1 for path, stamp in after.items() if before.get(path) != stamp)
    log(f"bench: incremental {spec.short} ({tool}): {seconds:.1f} s, {recompiled} of {len(after)} source files compiled again")
    # Back to the unedited spec, so a later run starts from the same SDK.
    generate(tool, tools, spec, folder, work)
    build(package, name)
    return seconds, recompiled, len(after)


def median(values):
    return statistics.median(values) if values else None
