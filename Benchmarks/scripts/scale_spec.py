#!/usr/bin/env python3
"""Builds a synthetic OpenAPI spec with N times the operations, schemas and webhooks of a base spec.

    python3 Benchmarks/scripts/scale_spec.py ../shared/specs/linq-partner-v3.2026-02.yaml 100 /tmp/linq-x100.yaml

Copy k (0 ≤ k < N) of the base spec gets unique names everywhere a generator could collide:
paths gain a segment (`/v3/chats` → `/v3/c7/chats`), operationIds, component names
(schemas, responses, parameters, request bodies, …) and webhook names gain a suffix
(`createChat` → `createChatC7`, `Chat` → `ChatC7`, `message.sent.v2026` → `message.sent.v2026.c7`),
and every `$ref` and discriminator `mapping` of copy k points into copy k. `info`, `servers`,
`security`, `tags` and `components.securitySchemes` are kept once, and so is the error envelope:
`components.responses` and the schemas they reference (in the Linq spec, `ErrorResponse`), as a
real API of any size has one error type. The output is deterministic (same input, same bytes)
and is never committed: write it to a temporary folder.
"""

import re
import sys

import yaml

REF = re.compile(r"^#/components/([^/]+)/([^/]+)(.*)$")
SHARED_SECTIONS = {"securitySchemes", "responses"}
# (section, name) of the components kept once; filled in by `find_shared`.
shared = set()


def suffixed(name, k):
    return f"{name}C{k}"


def references(node):
    """Every (section, name) that a `$ref` below `node` points at."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and REF.match(value):
                yield REF.match(value).groups()[:2]
            else:
                yield from references(value)
    elif isinstance(node, list):
        for item in node:
            yield from references(item)


def find_shared(components):
    """The shared sections' entries and everything they reference, transitively."""
    pending = [(section, name) for section in SHARED_SECTIONS for name in components.get(section, {})]
    while pending:
        section, name = pending.pop()
        if (section, name) in shared:
            continue
        shared.add((section, name))
        pending.extend(references(components.get(section, {}).get(name)))


def rewrite_ref(ref, k):
    match = REF.match(ref)
    if not match or match.groups()[:2] in shared:
        return ref
    section, name, rest = match.groups()
    return f"#/components/{section}/{suffixed(name, k)}{rest}"


def rewrite(node, k):
    """A deep copy of `node` with the references, discriminator mappings and operationIds of copy k."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = rewrite_ref(value, k)
            elif key == "operationId" and isinstance(value, str):
                out[key] = suffixed(value, k)
            elif key == "mapping" and isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
                out[key] = {name: rewrite_ref(ref, k) for name, ref in value.items()}
            else:
                out[key] = rewrite(value, k)
        return out
    if isinstance(node, list):
        return [rewrite(item, k) for item in node]
    return node


def scaled_path(path, k):
    """`/v3/chats/{chatId}` → `/v3/c7/chats/{chatId}`: a literal segment after the version."""
    segments = path.split("/")
    insert_at = 2 if len(segments) > 2 and re.fullmatch(r"v\d+", segments[1]) else 1
    return "/".join(segments[:insert_at] + [f"c{k}"] + segments[insert_at:])


def scale(spec, copies):
    out = {}
    for key, value in spec.items():
        if key == "paths":
            out[key] = {scaled_path(p, k): rewrite(item, k) for k in range(copies) for p, item in value.items()}
        elif key == "webhooks":
            out[key] = {f"{name}.c{k}": rewrite(item, k) for k in range(copies) for name, item in value.items()}
        elif key == "components":
            components = {}
            for section, entries in value.items():
                once = {name: entry for name, entry in entries.items() if (section, name) in shared}
                copied = {
                    suffixed(name, k): rewrite(entry, k)
                    for k in range(copies) for name, entry in entries.items() if (section, name) not in shared
                }
                components[section] = {**once, **copied}
            out[key] = components
        else:
            out[key] = value
    return out


class Dumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):
    """Multi-line strings as `|` blocks, the way specs are written by hand."""


def represent_str(dumper, text):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


Dumper.add_representer(str, represent_str)


def main(argv):
    if len(argv) != 4 or not argv[2].isdigit() or int(argv[2]) < 1:
        sys.exit("usage: scale_spec.py BASE_SPEC COPIES OUTPUT")
    base, copies, output = argv[1], int(argv[2]), argv[3]
    with open(base, "rb") as file:
        spec = yaml.load(file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    find_shared(spec.get("components", {}))
    scaled = scale(spec, copies)
    with open(output, "w", encoding="utf-8") as file:
        yaml.dump(scaled, file, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100000)


if __name__ == "__main__":
    main(sys.argv)
