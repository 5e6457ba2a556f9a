#!/usr/bin/env python3
"""Runs the generated contract tests of every corpus spec against the validating mock.

Called by .ci/corpus after it has built the corpus package and its test targets:

    contracts.py --package DIR --mock-python PY --gaps FILE TARGET=SPEC ...

For each TARGET (in the order given) it starts Tools/mock/sdkgen_mock.py on SPEC, runs
`swift test --skip-build --filter TARGETContractTests.` with SDKGEN_MOCK_URL set to the mock,
stops the mock, and reads the mock's log and the test output. It prints one row per spec
(operations, tests passed, requests the validator rejected, responses that did not decode,
seconds) and exits 1 when an operation fails that the known-gaps file does not list, or when
a listed gap no longer fails (the list may only shrink: remove the entry).

The known-gaps file has one entry per line, `<spec file> | <operation> | <reason>`; a line that
starts with `#` is a comment. <operation> is what the failing test names (`contract: <operation>:`:
the operationId, else `METHOD /path`), `*` for a spec whose contract tests are not run at all.
"""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MOCK = os.path.join(ROOT, "Tools", "mock", "sdkgen_mock.py")
ISSUE = re.compile(r"contract: (.+?): (the validator rejected the request|the response did not decode|"
                   r"a made-up argument did not decode|the call failed)")
RUN_LINE = re.compile(r"Test run with (\d+) tests? (?:in \d+ suites? )?(passed|failed)")
SUITE_SKIPPED = re.compile(r"Suite .* skipped")
TEST_SKIPPED = re.compile(r"Test .* skipped")
KINDS = {
    "the validator rejected the request": "rejected",
    "the response did not decode": "undecodable",
    "a made-up argument did not decode": "argument",
    "the call failed": "failed",
}
MOCK_START_SECONDS = 600
TEST_SECONDS = 1200


def read_gaps(path):
    """{(spec, operation): reason}; a malformed line is an error naming it."""
    gaps = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            text = "" if line.lstrip().startswith("#") else line.strip()
            if not text:
                continue
            parts = [part.strip() for part in text.split(" | ", 2)]
            if len(parts) < 3 or not all(parts):
                raise SystemExit("%s:%d: error: a gap is '<spec file> | <operation> | <reason>'" % (path, number))
            if (parts[0], parts[1]) in gaps:
                raise SystemExit("%s:%d: error: %s | %s is listed twice" % (path, number, parts[0], parts[1]))
            gaps[(parts[0], parts[1])] = parts[2]
    return gaps


def start_mock(python, spec, folder):
    url_file = os.path.join(folder, "mock.url")
    log_file = os.path.join(folder, "mock.jsonl")
    stderr = open(os.path.join(folder, "mock.stderr"), "w", encoding="utf-8")
    process = subprocess.Popen([python, MOCK, "--spec", spec, "--log", log_file, "--url-file", url_file],
                               stdout=subprocess.DEVNULL, stderr=stderr)
    deadline = time.monotonic() + MOCK_START_SECONDS
    while not os.path.exists(url_file):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            stderr.close()
            with open(stderr.name, encoding="utf-8") as handle:
                raise RuntimeError("the mock did not start: " + handle.read()[-2000:])
        time.sleep(0.1)
    with open(url_file, encoding="utf-8") as handle:
        return process, handle.read().strip(), log_file


def stop_mock(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def read_log(path):
    records = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
    return records


def run_spec(args, target, spec, folder):
    """One row of the table and {operation: kind} of the failing operations."""
    started = time.monotonic()
    process, url, log_file = start_mock(args.mock_python, spec, folder)
    loaded = time.monotonic() - started
    try:
        environment = dict(os.environ, SDKGEN_MOCK_URL=url)
        command = ["swift", "test", "--package-path", args.package, "--skip-build",
                   "--filter", "%sContractTests\\." % target]
        try:
            result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=TEST_SECONDS)
            output = result.stdout + result.stderr
        except subprocess.TimeoutExpired as exc:
            # What the run printed so far; bytes or text depending on the Python version.
            output = "".join(part.decode("utf-8", "replace") if isinstance(part, bytes) else part
                             for part in (exc.stdout or "", exc.stderr or ""))
            output += "\ncontracts: swift test took more than %d s\n" % TEST_SECONDS
    finally:
        stop_mock(process)
    with open(os.path.join(folder, "swift-test.log"), "w", encoding="utf-8") as handle:
        handle.write(output)
    failures = {}
    for match in ISSUE.finditer(output):
        failures.setdefault(match.group(1), KINDS[match.group(2)])
    run = RUN_LINE.search(output)
    tests = int(run.group(1)) if run else 0
    if run is None or SUITE_SKIPPED.search(output):
        failures.setdefault("*", "the test run did not complete, or its tests were skipped")
    skipped = len(TEST_SKIPPED.findall(output))
    records = read_log(log_file)
    # A response the mock itself found invalid for the spec is the mock's failure, not the SDK's.
    invalid_answers = {record.get("operation") for record in records if record.get("response_errors")}
    for operation, kind in failures.items():
        if kind == "undecodable" and operation in invalid_answers:
            failures[operation] = "invalid-mock-answer"
    rejected = sum(1 for record in records if record.get("request_errors"))
    mock_errors = sum(1 for record in records if record.get("status") == 500 and record.get("response_errors"))
    row = {
        "tests": tests,
        "passed": max(0, tests - skipped - len([op for op in failures if op != "*"])) if run else 0,
        "skipped": skipped,
        "requests": len(records),
        "rejected": rejected,
        "undecodable": sum(1 for kind in failures.values() if kind == "undecodable"),
        "mock_errors": mock_errors,
        "invalid_answers": sum(1 for kind in failures.values() if kind == "invalid-mock-answer"),
        "load": loaded,
        "seconds": time.monotonic() - started,
    }
    return row, failures, output


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", required=True)
    parser.add_argument("--mock-python", required=True)
    parser.add_argument("--gaps", required=True)
    parser.add_argument("specs", nargs="+", metavar="TARGET=SPEC")
    args = parser.parse_args(argv)
    gaps = read_gaps(args.gaps)
    problems = []
    rows = []
    work = tempfile.mkdtemp(prefix="sdkgen-contracts.")
    for pair in args.specs:
        target, spec = pair.split("=", 1)
        name = os.path.basename(spec)
        if (name, "*") in gaps:
            rows.append((name, None, gaps[(name, "*")]))
            continue
        folder = os.path.join(work, target)
        os.makedirs(folder)
        try:
            row, failures, output = run_spec(args, target, spec, folder)
        except RuntimeError as exc:
            problems.append("%s: %s" % (name, exc))
            continue
        rows.append((name, row, None))
        for operation, kind in sorted(failures.items()):
            if (name, operation) not in gaps:
                problems.append("%s: %s: %s (not a known gap)" % (name, operation, kind))
                for line in output.splitlines():
                    if ("contract: %s:" % operation) in line:
                        print("contracts: %s: %s" % (name, line.strip()[:1500]))
                        break
        for (gap_spec, operation), reason in sorted(gaps.items()):
            if gap_spec == name and operation != "*" and operation not in failures:
                problems.append("%s: %s is listed as a known gap (%s) but passes now: remove it from %s"
                                % (name, operation, reason, os.path.relpath(args.gaps, ROOT)))
        if "*" in failures:
            print("\n".join(output.splitlines()[-30:]))
        sys.stdout.flush()

    print("contracts: spec | tests | passed | skipped | requests | rejected by the validator | undecodable responses "
          "| invalid mock answers | mock errors | mock start s | total s")
    for name, row, skipped in rows:
        if row is None:
            print("contracts: %s | not run: %s" % (name, skipped))
            continue
        print("contracts: %s | %d | %d | %d | %d | %d | %d | %d | %d | %.1f | %.1f" % (
            name, row["tests"], row["passed"], row["skipped"], row["requests"], row["rejected"], row["undecodable"],
            row["invalid_answers"], row["mock_errors"], row["load"], row["seconds"]))
    print("contracts: logs in %s" % work)
    for problem in problems:
        print("contracts: FAILED %s" % problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
