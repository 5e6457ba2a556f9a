#!/usr/bin/env python3
"""sdkgen-mock: a validating mock server for an OpenAPI description.

Every request is validated with openapi-core (path, query, header and cookie
parameters, request body, security). A valid request is answered with the
operation's first 2xx response: the spec's example when it validates, else a
value synthesized from the schema. See Tools/mock/README.md.
"""

import argparse
import base64
import fnmatch
import http.cookies
import json
import math
import os
import re
import signal
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import yaml
from jsonschema_path import SchemaPath
from jsonschema_path.handlers.file import FilePathHandler
from jsonschema_path.handlers.utils import uri_to_path
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.media_types.util import json_loads
from openapi_core.templating.datatypes import TemplateResult
from openapi_core.templating.paths.datatypes import PathOperationServer
from openapi_core.templating.paths.exceptions import PathError
from openapi_core.templating.paths.finders import APICallPathFinder
from referencing import Specification
from werkzeug.datastructures import Headers, ImmutableMultiDict

try:  # Python 3.11+
    import re._parser as sre_parse  # type: ignore
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore

MOCK_ORIGIN = "http://sdkgen-mock.invalid"
MAX_DEPTH = 6
HARD_DEPTH = 12
NO_BODY_STATUS = (204, 205, 304)


# --------------------------------------------------------------------------- spec


def load_document(path):
    text = Path(path).read_text(encoding="utf-8")
    if path.endswith(".json") or text.lstrip().startswith("{"):
        return json.loads(text)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


def server_base_path(doc):
    """The path of servers[0].url, variables replaced by their defaults; '' if none."""
    servers = doc.get("servers") or []
    if not servers or not isinstance(servers[0], dict) or "url" not in servers[0]:
        return ""
    url = str(servers[0]["url"])
    for name, var in (servers[0].get("variables") or {}).items():
        url = url.replace("{%s}" % name, str((var or {}).get("default", "")))
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//"):
        path = parts.path
    elif url.startswith("/"):
        path = url.split("?")[0]
    else:  # "api.example.com/v1": host without scheme
        path = "/" + url.split("/", 1)[1] if "/" in url else ""
    return path.rstrip("/")


def json_media_types(doc):
    """Every media type name in the document (inline parts) ending in +json."""
    found = set()

    def walk(node, depth=0):
        if depth > 40:
            return
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "content" and isinstance(value, dict):
                    for name in value:
                        if isinstance(name, str) and name.split(";")[0].strip().lower().endswith("+json"):
                            found.add(name.split(";")[0].strip().lower())
                walk(value, depth + 1)
        elif isinstance(node, list):
            for item in node:
                walk(item, depth + 1)

    walk(doc)
    return found


class FolderFileHandler(FilePathHandler):
    """jsonschema-path's file handler, refusing files outside the spec's folder."""

    def __init__(self, folder):
        super().__init__("file")
        self.folder = os.path.realpath(folder)

    def _open(self, uri):
        path = os.path.realpath(uri_to_path(uri))
        if os.path.commonpath([path, self.folder]) != self.folder:
            raise ValueError("sdkgen-mock: %s is outside the spec's folder %s" % (path, self.folder))
        return super()._open(uri)


class MockServersIterator:
    """Every operation on the document's one server, the mock's: a path's or operation's own
    `servers` name other hosts, and the client sends those requests to the mock too."""

    def __call__(self, name, operations_iter, spec, base_url=None):
        server = (spec / "servers")[0] if "servers" in spec else SchemaPath.from_dict({"url": MOCK_ORIGIN})
        server_url = str(server["url"]).rstrip("/")
        for path, operation, path_result in operations_iter:
            if name.rsplit(path_result.resolved, 1)[0] == server_url:
                yield PathOperationServer(path, operation, server, path_result, TemplateResult(server["url"], {}))


class MockPathFinder(APICallPathFinder):
    servers_iterator = MockServersIterator()


class Mock:
    def __init__(self, spec_path, log_file=None):
        self.spec_path = os.path.abspath(spec_path)
        doc = load_document(self.spec_path)
        if not isinstance(doc, dict):
            raise SystemExit("sdkgen-mock: %s is not an OpenAPI document" % spec_path)
        self.base_path = server_base_path(doc)
        # The mock answers on its own host: one server, the spec's base path on MOCK_ORIGIN.
        # Servers of paths and operations (other hosts) are ignored by MockPathFinder: removing
        # them from the document misses those in referenced files (DigitalOcean's inference API).
        doc["servers"] = [{"url": MOCK_ORIGIN + self.base_path}]
        # HTTP auth schemes are case-insensitive (RFC 7235); openapi-core compares the request's
        # lower-cased scheme with the spec's as written, so "Bearer" in a spec would reject everything.
        schemes = (doc.get("components") or {}).get("securitySchemes") or {}
        for scheme in schemes.values():
            if isinstance(scheme, dict) and isinstance(scheme.get("scheme"), str):
                scheme["scheme"] = scheme["scheme"].lower()
        extra = {name: json_loads for name in json_media_types(doc)}
        for name in ("application/jsonl", "application/x-ndjson", "application/json-seq", "text/event-stream"):
            extra.pop(name, None)
        config = Config(spec_validator_cls=None, extra_media_type_deserializers=extra)
        # Referenced files are read only from the spec's own folder, never fetched; and as opaque
        # documents: read as JSON Schema, an example's "items": "text" was crawled as a schema and
        # broke every later lookup (DigitalOcean's split spec).
        spec = SchemaPath.from_dict(doc, base_uri=Path(self.spec_path).as_uri(), resolved_cache_maxsize=4096,
                                    specification=Specification.OPAQUE,
                                    handlers={"file": FolderFileHandler(os.path.dirname(self.spec_path))})
        self.app = OpenAPI(spec, config=config)
        self.spec = spec
        self.req_validator = self.app.request_validator
        self.resp_validator = self.app.response_validator
        self.req_validator.path_finder_cls = MockPathFinder
        self.resp_validator.path_finder_cls = MockPathFinder
        self.finder = self.req_validator.path_finder
        self.cache = {}
        self.cache_lock = threading.Lock()
        self.log_lock = threading.Lock()
        # openapi-core resolves references lazily into caches shared by every request, which it
        # does not document as thread-safe; one request at a time costs little here. (The
        # DigitalOcean failures once blamed on this were the JSON Schema crawl, see Specification.OPAQUE above.)
        self.validation_lock = threading.Lock()
        self.log = open(log_file, "a", encoding="utf-8") if log_file else None

    # ------------------------------------------------------------------ requests

    def handle(self, method, raw_path, headers, body):
        """Returns (status, headers list, body bytes, log record)."""
        with self.validation_lock:
            return self.handle_one(method, raw_path, headers, body)

    def handle_one(self, method, raw_path, headers, body):
        split = urlsplit(raw_path)
        path, query = split.path, split.query
        record = {"method": method, "path": path, "query": query, "operation": None, "status": None,
                  "request_errors": [], "response_errors": [], "example": None}
        try:
            request = MockRequest(method, path, query, headers, body)
            try:
                found = self.finder.find(request.method, MOCK_ORIGIN + path)
            except PathError as exc:
                record["operation"] = "%s %s" % (method, path)
                record["request_errors"] = describe(exc)
                return self.rejected(404, record)
            path_spec, operation, _, path_result, _ = found
            template = path_spec.parts[-1] if path_spec.parts else path
            record["operation"] = operation_name(method, template, operation)
            # matched on the raw path (an encoded '/' stays inside its segment), values decoded
            request.parameters.path = {k: unquote(v) for k, v in path_result.variables.items()}
            errors = []
            for exc in self.req_validator._iter_errors(request, operation, path_spec):
                errors.extend(describe(exc))
            if errors:
                record["request_errors"] = errors
                return self.rejected(400, record)
            answer = self.answer_for(template, method.lower(), operation, request)
            record["status"] = answer["status"]
            record["response_errors"] = answer["response_errors"]
            record["example"] = answer["example"]
            return answer["status"], list(answer["headers"]), answer["body"], record
        except Exception as exc:  # never crash on a request
            last = traceback.format_exc().strip().splitlines()[-1]
            record["status"] = 500
            record["request_errors"] = record["request_errors"] or []
            record["response_errors"] = ["internal error: " + last]
            body = json.dumps({"sdkgen_mock": "internal error", "operation": record["operation"],
                               "errors": [last]}).encode()
            return 500, [("Content-Type", "application/json"), ("X-SDKGen-Mock", "error")], body, record

    def rejected(self, status, record):
        record["status"] = status
        body = json.dumps({"sdkgen_mock": "request rejected", "operation": record["operation"],
                           "errors": record["request_errors"]}, indent=None).encode()
        return status, [("Content-Type", "application/json"), ("X-SDKGen-Mock", "rejected")], body, record

    def write_log(self, record):
        if self.log is None:
            return
        line = json.dumps(record, sort_keys=False, default=str)
        with self.log_lock:
            self.log.write(line + "\n")
            self.log.flush()

    # ----------------------------------------------------------------- responses

    def answer_for(self, template, method, operation, request):
        key = (template, method, request.accept)
        with self.cache_lock:
            cached = self.cache.get(key)
        if cached is not None:
            return cached
        answer = self.build_answer(operation, request)
        with self.cache_lock:
            self.cache.setdefault(key, answer)
        return self.cache[key]

    def build_answer(self, operation, request):
        responses = operation / "responses" if "responses" in operation else None
        status, response = 200, None
        if responses is not None:
            for code in responses.keys():
                code_s = str(code).upper()
                if re.fullmatch(r"2\d\d", code_s):
                    status, response = int(code_s), responses / code
                    break
                if code_s == "2XX":
                    status, response = 200, responses / code
                    break
        answer = {"status": status, "headers": [], "body": b"", "example": None, "response_errors": []}
        if response is None:
            return answer
        headers = []
        if "headers" in response:
            for name, header in (response / "headers").str_items():
                if name.lower() == "content-type":
                    continue
                if header.get("required") is not None and (header / "required").read_bool(default=False):
                    schema = header / "schema" if "schema" in header else None
                    value = synthesize(schema, self) if schema is not None else "sdkgen"
                    headers.append((name, header_text(value)))
        if status in NO_BODY_STATUS or "content" not in response or not list((response / "content").keys()):
            answer["headers"] = headers
            if headers:
                answer["response_errors"] = self.validate_response(request, status, headers, b"", None)
            return answer
        content = response / "content"
        media_name = chosen_media_type([str(k) for k in content.keys()], request.accept)
        media = content / media_name
        mime = media_name.split(";")[0].strip().lower()
        kind = media_kind(mime)
        schema = media / "schema" if "schema" in media else None
        if "itemSchema" in media:
            schema = media / "itemSchema"
            spec_value, has_spec = None, False
        else:
            spec_value, has_spec = documented_example(media, schema)
        ctype = media_name if "*" not in media_name else ("application/json" if kind == "json" else "application/octet-stream")
        headers.append(("Content-Type", ctype))

        def encode(value):
            return encode_body(kind, value, schema)

        synthesized = None
        if has_spec:
            value, source = spec_value, "spec"
        else:
            synthesized = synthesize(schema, self)
            value, source = synthesized, "synthesized"
        body = encode(value)
        errors = []
        if kind in ("json", "text") and validatable(mime):
            errors = self.validate_response(request, status, headers, body, ctype)
            if errors and source == "spec":
                spec_errors = ["spec example invalid: " + e for e in errors]
                synthesized = synthesize(schema, self)
                body = encode(synthesized)
                source = "spec-invalid"
                errors = spec_errors + self.validate_response(request, status, headers, body, ctype)
        answer.update(headers=headers, body=body, example=source, response_errors=errors)
        return answer

    def validate_response(self, request, status, headers, body, ctype):
        response = MockResponse(body, status, headers, ctype or "")
        errors = []
        try:
            for exc in self.resp_validator.iter_errors(request, response):
                errors.extend(describe(exc))
        except Exception as exc:  # a validator crash is reported, not raised
            errors.append("response validation crashed: %s: %s" % (type(exc).__name__, exc))
        return errors

    def validate_value(self, schema, value):
        try:
            self.resp_validator._validate_schema(schema, value)
            return True
        except Exception:
            return False


def chosen_media_type(names, accept):
    """The response media type the request's Accept prefers (highest q, then the spec's order);
    the spec's first when there is no Accept or nothing in it matches."""
    ranges = []
    for item in (accept or "").split(","):
        fields = [f.strip() for f in item.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for field in fields[1:]:
            if field.lower().startswith("q="):
                try:
                    q = float(field[2:])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    best, best_q = names[0], 0.0
    for name in names:
        mime = name.split(";")[0].strip().lower()
        q = max([rq for r, rq in ranges if fnmatch.fnmatchcase(mime, r) or fnmatch.fnmatchcase(r, mime)] or [0.0])
        if q > best_q:
            best, best_q = name, q
    return best


def operation_name(method, template, operation):
    op_id = operation.get("operationId") if "operationId" in operation else None
    if op_id is not None:
        return (operation / "operationId").read_str()
    return "%s %s" % (method.upper(), template)


def media_kind(mime):
    if mime == "text/event-stream":
        return "sse"
    if mime in ("application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/jsonlines"):
        return "jsonl"
    if mime == "application/json-seq":
        return "json-seq"
    if mime == "application/json" or mime.endswith("+json") or mime == "*/*" or mime == "application/*":
        return "json"
    if mime.startswith("text/"):
        return "text"
    return "bytes"


def validatable(mime):
    return mime == "application/json" or mime.endswith("+json") or mime in ("text/plain", "text/html")


def json_default(value):
    """YAML reads an unquoted 2024-01-02 as a date: JSON writes it as the ISO text it was."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError("Object of type %s is not JSON serializable" % type(value).__name__)


def encode_body(kind, value, schema):
    one = lambda v: json.dumps(v, separators=(",", ":"), ensure_ascii=False, sort_keys=False, default=json_default)
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, default=json_default).encode()
    if kind == "sse":
        return ("data: %s\n\ndata: %s\n\n" % (one(value), one(value))).encode()
    if kind == "jsonl":
        return ("%s\n%s\n" % (one(value), one(value))).encode()
    if kind == "json-seq":
        return ("\x1e%s\n\x1e%s\n" % (one(value), one(value))).encode()
    if kind == "text":
        return (value if isinstance(value, str) else "sdkgen mock").encode()
    if isinstance(value, str):
        return value.encode()
    return b"sdkgen\x00\x01"


def header_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(header_text(v) for v in value)
    if isinstance(value, dict):
        return ",".join("%s,%s" % (k, header_text(v)) for k, v in value.items())
    if value is None:
        return ""
    return str(value)


def documented_example(media, schema):
    """(value, True) for the media type's example, first examples value, schema example; else (None, False)."""
    if "example" in media:
        return (media / "example").read_value(), True
    if "examples" in media:
        examples = media / "examples"
        for name in examples.keys():
            entry = examples / name
            if "value" in entry:
                return (entry / "value").read_value(), True
    if schema is not None and isinstance(_raw(schema), dict):
        if "example" in schema:
            return (schema / "example").read_value(), True
        if "examples" in schema:
            examples = (schema / "examples").read_value()
            if isinstance(examples, list) and examples:
                return examples[0], True
    return None, False


# ------------------------------------------------------------------ synthesis


def _raw(node):
    try:
        return node.read_value()
    except Exception:
        return None


class Filler(str):
    """The value of a required property no schema at hand defines; an allOf member that only
    says `required: [total]` must not replace the value another member made for `total`."""


def merge_parts(merged, part):
    for key, value in part.items():
        if key not in merged or not isinstance(value, Filler):
            merged[key] = value


def synthesize(schema, mock, context="response"):
    if schema is None:
        return {}
    return Synth(mock, context).value(schema, 0, ())


class Synth:
    def __init__(self, mock, context):
        self.mock = mock
        self.context = context

    def value(self, node, depth, refs):
        raw = _raw(node)
        if raw is True or raw is None or raw == {}:
            return {}
        if raw is False or not isinstance(raw, dict):
            return None
        if depth > HARD_DEPTH:
            return self.minimal(raw)
        if "const" in raw:
            return raw["const"]
        if isinstance(raw.get("enum"), list) and raw["enum"]:
            for item in raw["enum"]:
                if item is not None:
                    return item
            return raw["enum"][0]
        if "default" in raw and raw["default"] is not None:
            return raw["default"]
        if isinstance(raw.get("allOf"), list) and raw["allOf"]:
            return self.all_of(node, raw, depth, refs)
        for key in ("oneOf", "anyOf"):
            if isinstance(raw.get(key), list) and raw[key]:
                return self.choice(node, raw, key, depth, refs)
        types = raw.get("type")
        if isinstance(types, list):
            non_null = [t for t in types if t != "null"]
            kind = non_null[0] if non_null else "null"
        else:
            kind = types
        if kind is None:
            if "properties" in raw or "additionalProperties" in raw or "required" in raw:
                kind = "object"
            elif "items" in raw or "prefixItems" in raw:
                kind = "array"
            elif any(k in raw for k in ("minLength", "maxLength", "pattern", "format")):
                kind = "string"
            elif any(k in raw for k in ("minimum", "maximum", "multipleOf")):
                kind = "number"
            else:
                return {}
        if kind == "null":
            return None
        if kind == "object":
            return self.object(node, raw, depth, refs)
        if kind == "array":
            return self.array(node, raw, depth, refs)
        if kind == "string":
            return synth_string(raw)
        if kind == "integer":
            return synth_number(raw, True)
        if kind == "number":
            return synth_number(raw, False)
        if kind == "boolean":
            return True
        return {}

    def minimal(self, raw):
        kind = raw.get("type")
        if isinstance(kind, list):
            if "null" in kind:
                return None
            kind = kind[0] if kind else None
        return {"array": [], "string": "", "integer": 0, "number": 0, "boolean": False}.get(kind, {})

    def child(self, node, raw, key, depth, refs):
        """Synthesizes node/key..., noting $refs to stop on recursion."""
        path = node
        inner = raw
        for part in key:
            inner = inner.get(part) if isinstance(inner, dict) else (inner[part] if isinstance(inner, list) else None)
            path = path / part
        ref = inner.get("$ref") if isinstance(inner, dict) else None
        if ref is not None:
            if ref in refs:
                return _RECURSION
            refs = refs + (ref,)
        return self.value(path, depth + 1, refs)

    def all_of(self, node, raw, depth, refs):
        merged, scalar = {}, _MISSING
        for index in range(len(raw["allOf"])):
            part = self.child(node, raw, ("allOf", index), depth, refs)
            if part is _RECURSION:
                continue
            if isinstance(part, dict):
                merge_parts(merged, part)
            elif scalar is _MISSING:
                scalar = part
        rest = {k: v for k, v in raw.items() if k != "allOf"}
        if any(k in rest for k in ("properties", "required", "type", "additionalProperties")):
            own = self.object(node, rest, depth, refs) if (rest.get("type") in (None, "object")) else None
            if isinstance(own, dict):
                merge_parts(merged, own)
        if not merged and scalar is not _MISSING:
            return scalar
        return merged

    def choice(self, node, raw, key, depth, refs):
        members = raw[key]
        disc = raw.get("discriminator") if isinstance(raw.get("discriminator"), dict) else None
        first = _MISSING
        for index, member in enumerate(members):
            value = self.child(node, raw, (key, index), depth, refs)
            if value is _RECURSION:
                continue
            if disc and isinstance(value, dict) and disc.get("propertyName"):
                value[disc["propertyName"]] = discriminator_value(disc, member)
            if first is _MISSING:
                first = value
            if self.mock.validate_value(node, value):
                return value
        return None if first is _MISSING else first

    def object(self, node, raw, depth, refs):
        result = {}
        props = raw.get("properties") if isinstance(raw.get("properties"), dict) else {}
        required = raw.get("required") if isinstance(raw.get("required"), list) else []
        for name, prop in props.items():
            is_required = name in required
            if not is_required and depth >= MAX_DEPTH:
                continue
            if isinstance(prop, dict):
                if self.context == "response" and prop.get("writeOnly"):
                    continue
                if self.context == "request" and prop.get("readOnly"):
                    continue
            value = self.child(node, raw, ("properties", name), depth, refs)
            if value is _RECURSION:
                if is_required:
                    value = {}
                else:
                    continue
            result[name] = value
        for name in required:
            if name not in result and isinstance(name, str):
                result[name] = Filler("sdkgen")
        addl = raw.get("additionalProperties")
        min_props = raw.get("minProperties") or 0
        if isinstance(addl, dict) and (not props or len(result) < min_props) and depth < MAX_DEPTH:
            index = 0
            while True:
                value = self.child(node, raw, ("additionalProperties",), depth, refs)
                if value is _RECURSION:
                    break
                result["key%d" % index if index else "key"] = value
                index += 1
                if len(result) >= max(min_props, 1):
                    break
        return result

    def array(self, node, raw, depth, refs):
        min_items = int(raw.get("minItems") or 0)
        max_items = raw.get("maxItems")
        count = max(min_items, 1 if depth < MAX_DEPTH else 0)
        if isinstance(max_items, int):
            count = min(count, max_items)
        items = []
        prefix = raw.get("prefixItems") if isinstance(raw.get("prefixItems"), list) else []
        for index in range(len(prefix)):
            value = self.child(node, raw, ("prefixItems", index), depth, refs)
            items.append(None if value is _RECURSION else value)
        if "items" in raw and isinstance(raw["items"], dict):
            while len(items) < count:
                value = self.child(node, raw, ("items",), depth, refs)
                if value is _RECURSION:
                    break
                if raw.get("uniqueItems") and value in items:
                    break
                items.append(value)
        return items


_RECURSION = object()
_MISSING = object()


def discriminator_value(disc, member):
    ref = member.get("$ref") if isinstance(member, dict) else None
    for key, target in (disc.get("mapping") or {}).items():
        if ref is not None and (target == ref or ref.endswith("/" + target) or target.endswith(ref)):
            return key
    if ref is not None:
        name = ref.rstrip("/").split("/")[-1]
        return name.rsplit(".", 1)[0] if name.endswith((".yaml", ".yml", ".json")) else name
    return "sdkgen"


FORMATS = {
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "12:00:00Z",
    "duration": "P1D",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
    "iri": "https://example.com",
    "uri-reference": "https://example.com",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": base64.b64encode(b"sdkgen").decode(),
    "binary": "sdkgen",
    "password": "secret",
    "regex": ".*",
    "json-pointer": "/a",
}


def synth_string(raw):
    fmt = raw.get("format")
    min_len = int(raw.get("minLength") or 0)
    max_len = raw.get("maxLength")
    pattern = raw.get("pattern")
    if isinstance(pattern, str):
        example = raw.get("example")
        if example is None and isinstance(raw.get("examples"), list) and raw["examples"]:
            example = raw["examples"][0]
        candidates = [example] if isinstance(example, str) else []
        candidates += [FORMATS.get(fmt)] if fmt in FORMATS else []
        candidates += pattern_candidates(pattern)
        for value in candidates:
            if value is None:
                continue
            try:
                ok = re.search(pattern, value) is not None
            except re.error:
                ok = True
            if ok and len(value) >= min_len and (max_len is None or len(value) <= max_len):
                return value
        return candidates[-1] if candidates else "sdkgen"
    value = FORMATS.get(fmt, "sdkgen")
    if len(value) < min_len:
        value = value + "x" * (min_len - len(value))
    if isinstance(max_len, int) and len(value) > max_len:
        value = value[:max_len]
    return value


def pattern_candidates(pattern):
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:
        return []
    out = []
    for extra in (0, 1, 2, 4, 8, 16, 32, 64):
        try:
            out.append(_gen(parsed, extra))
        except Exception:
            break
    return out


def _gen(parsed, extra):
    consts = sre_parse
    result = []
    for op, arg in parsed:
        name = str(op)
        if name == "LITERAL":
            result.append(chr(arg))
        elif name == "NOT_LITERAL":
            result.append("a" if chr(arg) != "a" else "b")
        elif name == "ANY":
            result.append("a")
        elif name == "IN":
            result.append(_gen_in(arg))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = arg
            count = low + extra
            if high is not consts.MAXREPEAT and count > high:
                count = high
            count = max(count, low)
            result.append("".join(_gen(sub, extra) for _ in range(count)))
        elif name == "SUBPATTERN":
            result.append(_gen(arg[-1], extra))
        elif name == "ATOMIC_GROUP":
            result.append(_gen(arg, extra))
        elif name == "BRANCH":
            result.append(_gen(arg[1][0], extra))
        elif name == "CATEGORY":
            result.append(_category(arg))
        elif name in ("AT", "ASSERT", "ASSERT_NOT", "GROUPREF"):
            continue
        else:
            raise ValueError(name)
    return "".join(result)


def _category(cat):
    name = str(cat)
    if "NOT_DIGIT" in name:
        return "a"
    if "DIGIT" in name:
        return "0"
    if "NOT_SPACE" in name:
        return "a"
    if "SPACE" in name:
        return " "
    if "NOT_WORD" in name:
        return "-"
    return "a"


def _gen_in(items):
    negate = any(str(op) == "NEGATE" for op, _ in items)
    if negate:
        banned = set()
        for op, arg in items:
            if str(op) == "LITERAL":
                banned.add(chr(arg))
            elif str(op) == "RANGE":
                banned.update(chr(c) for c in range(arg[0], arg[1] + 1))
        for c in "a0A_-x":
            if c not in banned:
                return c
        return "~"
    for op, arg in items:
        if str(op) == "LITERAL":
            return chr(arg)
        if str(op) == "RANGE":
            return chr(arg[0])
        if str(op) == "CATEGORY":
            return _category(arg)
    return "a"


def synth_number(raw, integer):
    low, high = raw.get("minimum"), raw.get("maximum")
    ex_low, ex_high = raw.get("exclusiveMinimum"), raw.get("exclusiveMaximum")
    low_open = high_open = False
    if isinstance(ex_low, bool):
        low_open = ex_low
    elif isinstance(ex_low, (int, float)):
        low, low_open = (ex_low, True) if low is None or ex_low >= low else (low, False)
    if isinstance(ex_high, bool):
        high_open = ex_high
    elif isinstance(ex_high, (int, float)):
        high, high_open = (ex_high, True) if high is None or ex_high <= high else (high, False)
    step = raw.get("multipleOf")
    if integer:
        lo = None if low is None else (math.floor(low) + 1 if low_open or low != math.floor(low) else int(low))
        hi = None if high is None else (math.ceil(high) - 1 if high_open or high != math.ceil(high) else int(high))
        value = lo if lo is not None else (hi if hi is not None and hi < 1 else 1)
        if isinstance(step, (int, float)) and step > 0:
            value = int(math.ceil(value / step) * step)
            if hi is not None and value > hi:
                value = int(math.floor(hi / step) * step)
        return int(value)
    if isinstance(step, (int, float)) and step > 0:
        start = low if low is not None else (high if high is not None and high < step else step)
        k = math.ceil(start / step)
        value = k * step
        if low_open and low is not None and value <= low:
            value += step
        return int(value) if float(value).is_integer() else value
    if low is not None and high is not None:
        return (low + high) / 2 if (low_open or high_open) else low
    if low is not None:
        return low + 1 if low_open else low
    if high is not None:
        return high - 1 if high_open else high
    return 1.5


# --------------------------------------------------------- request/response types


class MockRequest:
    def __init__(self, method, path, query, headers, body):
        self.host_url = MOCK_ORIGIN
        self.method = method.lower()
        self.path = path
        self.body = body or b""
        # the media type is case-insensitive, its parameters are not: a multipart boundary
        # lowercased no longer matches the body's ("AssertionError" from the multipart parser)
        media_type, separator, parameters = (headers.get("Content-Type") or "").partition(";")
        self.content_type = media_type.strip().lower() + separator + parameters
        self.accept = headers.get("Accept") or ""
        cookies = {}
        for value in headers.get_all("Cookie") or []:
            jar = http.cookies.SimpleCookie()
            try:
                jar.load(value)
            except http.cookies.CookieError:
                continue
            for name, morsel in jar.items():
                cookies[name] = morsel.value
        self.parameters = RequestParameters(
            path={},
            query=ImmutableMultiDict(parse_qsl(query, keep_blank_values=True)),
            header=Headers(list(headers.items())),
            cookie=ImmutableMultiDict(cookies),
        )


class MockResponse:
    def __init__(self, data, status, headers, content_type):
        self.data = data
        self.status_code = status
        self.headers = Headers(list(headers))
        self.content_type = content_type


def describe(exc, depth=0):
    """One readable line per rule broken, nested schema errors included."""
    if depth > 8:
        return []
    nested = getattr(exc, "errors", None)
    if isinstance(nested, list) and nested and all(isinstance(e, Exception) for e in nested):
        lines = []
        for inner in nested:
            lines.extend(describe(inner, depth + 1))
        return lines
    text = str(exc) if str(exc).startswith(type(exc).__name__) else "%s: %s" % (type(exc).__name__, exc)
    # "...: Value {...} not valid for schema of type object: (<ValidationError ...>,)": the value and the
    # repr of the errors are noise; the schema errors follow, one line each.
    text = re.sub(r":? ?Value .* not valid for schema of type (\S+): \(<ValidationError.*$", r": not valid for schema of type \1", text, flags=re.S)
    lines = [one_line(text)]
    seen = {id(exc)}
    current = exc
    while current is not None:
        schema_errors = getattr(current, "schema_errors", None)
        if schema_errors:
            for error in schema_errors:
                lines.extend(schema_error_lines(error))
        elif current is not exc:
            text = one_line("%s: %s" % (type(current).__name__, current))
            if text not in lines and not any(text.split(": ", 1)[-1] in line for line in lines):
                lines.append("  caused by " + text)
        current = current.__cause__
        if current is not None and id(current) in seen:
            break
        if current is not None:
            seen.add(id(current))
    return lines


def schema_error_lines(error, indent="  "):
    where = getattr(error, "json_path", None) or "$"
    lines = [indent + one_line("at %s: %s" % (where, getattr(error, "message", str(error))))]
    for sub in list(getattr(error, "context", None) or [])[:4]:
        lines.append(indent + "  " + one_line("at %s: %s" % (getattr(sub, "json_path", "$"), sub.message)))
    return lines


def one_line(text):
    text = " ".join(str(text).split())
    return text if len(text) <= 500 else text[:497] + "..."


# -------------------------------------------------------------------- HTTP server


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "sdkgen-mock"
    sys_version = ""
    mock = None  # set on the class by main()

    def log_message(self, format, *args):  # nothing on stdout per request
        pass

    def read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size_line = self.rfile.readline(65537).strip()
                size = int(size_line.split(b";")[0] or b"0", 16)
                if size == 0:
                    while self.rfile.readline(65537).strip():
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline(3)
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def dispatch(self):
        try:
            body = self.read_body()
        except Exception:
            self.send_error(400, "unreadable body")
            return
        status, headers, payload, record = self.mock.handle(self.command, self.path, self.headers, body)
        self.mock.write_log(record)
        if status >= 400:
            first = (record.get("request_errors") or record.get("response_errors") or [""])[0]
            sys.stderr.write("sdkgen-mock: %d %s %s: %s\n" % (status, self.command, record["path"], first[:200]))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if status not in NO_BODY_STATUS:
            self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD" and status not in NO_BODY_STATUS:
            self.wfile.write(payload)
        self.wfile.flush()

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = do_TRACE = dispatch


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # Swift Testing starts every test at once: with the default backlog of 5, URLSession lost
    # some of its connections ("lost before the complete response arrived").
    request_queue_size = 256


def main(argv=None):
    parser = argparse.ArgumentParser(description="Validating OpenAPI mock server (openapi-core).")
    parser.add_argument("--spec", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--log")
    parser.add_argument("--url-file")
    args = parser.parse_args(argv)

    started = time.monotonic()
    mock = Mock(args.spec, args.log)
    Handler.mock = mock
    server = Server((args.host, args.port), Handler)
    host, port = server.server_address[:2]
    shown_host = "[%s]" % host if ":" in host else host
    url = "http://%s:%d%s" % (shown_host, port, mock.base_path)
    if args.url_file:
        tmp = args.url_file + ".tmp%d" % os.getpid()
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(url + "\n")
        os.replace(tmp, args.url_file)

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print("sdkgen-mock: listening on %s" % url, flush=True)
    sys.stderr.write("sdkgen-mock: spec loaded in %.2f s\n" % (time.monotonic() - started))
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if mock.log:
            mock.log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
