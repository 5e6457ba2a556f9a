"""What the benchmark scripts share: a log line on standard error, and a command that must succeed."""

import subprocess
import sys


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def run_checked(arguments, cwd=None, name="bench"):
    """The output of a command; on failure, its last output is logged and the script stops."""
    result = subprocess.run(arguments, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        log(result.stdout[-4000:])
        raise SystemExit(f"{name}: failed: {' '.join(arguments)}")
    return result.stdout
