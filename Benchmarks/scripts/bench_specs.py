"""The specs `bench.py` measures: which there are, the files each reads, and an edited copy.

A spec is a file in ../shared/specs or, for a spec split into files, the one file at the top of a
folder there that says `openapi:`; its config is `Tests/Corpus/<stem>.sdkgen.yaml` when there is
one (as in `.ci/corpus`). The files a spec reads (for the libyaml floor) are found by following
its relative `$ref`s, file by file, inside its folder.
"""

import os
import re
import shutil
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "specs"))
FULL_LINQ = os.path.join(SHARED, "linq-partner-v3.2026-02.yaml")
CORPUS = os.path.join(ROOT, "Tests", "Corpus")

REF = re.compile(r"""\$ref["']?\s*:\s*["']?([^"'#\s,}]*)""")
# The real specs of the compile comparison, by short name (the file's stem starts with it).
REAL = {"linq-partner": "full Linq", "openai": "OpenAI", "discord": "Discord", "DigitalOcean": "DigitalOcean"}


class Spec:
    def __init__(self, label, path, config=None, scale=None, short=None):
        self.label, self.path, self.config, self.scale = label, path, config, scale
        self.short = short or label
        self.files = spec_files(path)
        self.size = sum(os.path.getsize(file) for file in self.files)
        self.operations = self.schemas = None


def spec_files(root):
    """The spec's own file and every file its relative `$ref`s reach, inside its folder, sorted."""
    root = os.path.abspath(root)
    folder = os.path.dirname(root)
    seen, pending = {root}, [root]
    while pending:
        path = pending.pop()
        with open(path, encoding="utf-8") as file:
            text = file.read()
        for value in REF.findall(text):
            if not value or ":" in value:
                continue
            target = os.path.normpath(os.path.join(os.path.dirname(path), urllib.parse.unquote(value)))
            if target.startswith(folder + os.sep) and target not in seen and os.path.isfile(target):
                seen.add(target)
                pending.append(target)
    return sorted(seen)


def corpus_config(path):
    stem = os.path.splitext(os.path.basename(path))[0]
    config = os.path.join(CORPUS, stem + ".sdkgen.yaml")
    return config if os.path.exists(config) else None


def shared_specs():
    """(path, config, short name) of every spec in ../shared/specs, files first, in name order."""
    found = []
    for name in sorted(os.listdir(SHARED)):
        entry = os.path.join(SHARED, name)
        if os.path.isfile(entry) and name.endswith((".yaml", ".yml", ".json")):
            found.append(entry)
        elif os.path.isdir(entry):
            for candidate in sorted(os.listdir(entry)):
                path = os.path.join(entry, candidate)
                if os.path.isfile(path) and candidate.endswith((".yaml", ".yml", ".json")):
                    with open(path, encoding="utf-8") as file:
                        head = file.read(4096)
                    if re.search(r'^(openapi:|[{]?\s*"openapi")', head, re.M):
                        found.append(path)
    result = []
    for path in found:
        stem = os.path.splitext(os.path.basename(path))[0]
        short = next((label for prefix, label in REAL.items() if stem.startswith(prefix)), None)
        result.append((path, corpus_config(path), short))
    return result


def real_specs():
    """The large real specs: full Linq, OpenAI, Discord, DigitalOcean (those present)."""
    return [Spec(short, path, config, short=short) for path, config, short in shared_specs() if short]


def copy_spec_for_edit(spec, destination):
    """A copy of `spec`'s files (same names and folders) in `destination` with one operation's
    summary or description changed: the first such line after the first `operationId` (for a spec
    split into files, in the first file that has one). Returns the copy as a `Spec`."""
    folder = os.path.dirname(os.path.abspath(spec.path))
    if os.path.exists(destination):
        shutil.rmtree(destination)
    for file in spec.files:
        target = os.path.join(destination, os.path.relpath(file, folder))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(file, target)
    copies = [os.path.join(destination, os.path.relpath(file, folder)) for file in spec.files]
    for path in [copies[spec.files.index(os.path.abspath(spec.path))]] + sorted(copies):
        with open(path, encoding="utf-8") as file:
            lines = file.read().split("\n")
        index = operation_text_line(lines)
        if index is not None:
            lines[index] = edit_line(lines[index])
            with open(path, "w", encoding="utf-8") as file:
                file.write("\n".join(lines))
            return Spec(spec.label, os.path.join(destination, os.path.basename(spec.path)), spec.config, short=spec.short)
    raise SystemExit(f"bench: no operation summary or description to edit in {spec.path}")


def indent(line):
    return len(line) - len(line.lstrip(" "))


def operation_text_line(lines):
    """The index of the first one-line summary or description of an operation itself (a sibling of
    its `operationId`: same indentation, inside the same block), or None. A response's or a
    parameter's description sits deeper, and may not be in the generated code at all."""
    for start, line in enumerate(lines):
        if "operationId" not in line:
            continue
        depth = indent(line)
        for step in (-1, 1):
            index = start + step
            while 0 <= index < len(lines):
                here = lines[index]
                if here.strip() and indent(here) < depth:
                    break  # Out of the operation.
                if indent(here) == depth and edit_line(here) is not None:
                    return index
                index += step
    return None


def edit_line(line):
    """`line` with " (edited)" added to its one-line summary or description, or None."""
    match = re.match(r'^(\s*"?(?:summary|description)"?\s*:\s*)(.*?)(",?|\'|)\s*$', line)
    if not match or not match.group(2) or match.group(2)[0] in "|>":
        return None
    head, value, tail = match.groups()
    if value.startswith('"') and not tail.startswith('"'):
        return None
    return head + value + " (edited)" + tail
