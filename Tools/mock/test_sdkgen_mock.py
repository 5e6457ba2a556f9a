"""Tests of the validating mock server. Run: $(bash .ci/mock-venv) -m unittest discover -s Tools/mock -v"""

import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


class MockProcess:
    """sdkgen_mock.py in a subprocess on port 0; its URL read from --url-file."""

    def __init__(self, spec):
        self.dir = tempfile.mkdtemp(prefix="sdkgen-mock-test-")
        self.url_file = os.path.join(self.dir, "url")
        self.log_file = os.path.join(self.dir, "log.jsonl")
        self.err = open(os.path.join(self.dir, "stderr"), "w")
        self.proc = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "sdkgen_mock.py"), "--spec", os.path.join(FIXTURES, spec),
             "--port", "0", "--log", self.log_file, "--url-file", self.url_file],
            stdout=subprocess.PIPE, stderr=self.err, text=True)
        self.stdout_line = self.proc.stdout.readline().strip()
        deadline = time.monotonic() + 30
        while not os.path.exists(self.url_file):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("mock did not start: " + open(os.path.join(self.dir, "stderr")).read())
            time.sleep(0.02)
        with open(self.url_file) as handle:
            self.url = handle.read().strip()
        parts = urllib.parse.urlsplit(self.url)
        self.host, self.port, self.base = parts.hostname, parts.port, parts.path

    def request(self, method, path, headers=None, body=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
        headers = dict(headers or {})
        if data is not None and "Content-Type" not in headers:
            headers["Content-Type"] = "application/json"
        conn.request(method, self.base + path, body=data, headers=headers)
        resp = conn.getresponse()
        payload = resp.read()
        conn.close()
        return resp.status, dict(resp.getheaders()), payload

    def log(self):
        with open(self.log_file) as handle:
            return [json.loads(line) for line in handle if line.strip()]

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=10)
        finally:
            self.proc.stdout.close()
            self.err.close()
            shutil.rmtree(self.dir, ignore_errors=True)
        return code


AUTH = {"Authorization": "Bearer token", "X-Request-Id": "r1"}


class OpenAPI30Tests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.mock = MockProcess("api-3.0.yaml")

    @classmethod
    def tearDownClass(cls):
        code = cls.mock.stop()
        assert code == 0, "SIGTERM should exit cleanly, got %r" % code

    def rejected(self, status, headers, body, expected_status=400):
        self.assertEqual(status, expected_status, body)
        self.assertEqual(headers.get("X-SDKGen-Mock"), "rejected")
        answer = json.loads(body)
        self.assertEqual(answer["sdkgen_mock"], "request rejected")
        return answer

    def test_url_has_base_path_from_server_variables(self):
        self.assertTrue(self.mock.url.endswith("/v1"), self.mock.url)
        self.assertEqual(self.mock.stdout_line, "sdkgen-mock: listening on " + self.mock.url)

    def test_valid_request_gets_the_example(self):
        status, headers, body = self.mock.request("GET", "/pets?limit=5", AUTH)
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body), [{"id": 1, "name": "Rex", "kind": "dog"}])
        self.assertEqual(headers["Content-Type"], "application/json")
        self.assertEqual(headers["X-Rate-Limit"], "10")  # required response header, synthesized

    def test_same_request_same_bytes(self):
        first = self.mock.request("GET", "/pets/" + UUID)
        second = self.mock.request("GET", "/pets/" + UUID)
        self.assertEqual(first[2], second[2])

    def test_query_parameter_of_wrong_type(self):
        answer = self.rejected(*self.mock.request("GET", "/pets?limit=abc", AUTH))
        self.assertEqual(answer["operation"], "listPets")
        self.assertIn("Query parameter error: limit", answer["errors"][0])
        self.assertTrue(any("Failed to cast value to integer" in e for e in answer["errors"]), answer)

    def test_query_parameter_below_minimum_has_json_path(self):
        answer = self.rejected(*self.mock.request("GET", "/pets?limit=0", AUTH))
        self.assertTrue(any("at $: 0 is less than the minimum of 1" in e for e in answer["errors"]), answer)

    def test_missing_required_header(self):
        answer = self.rejected(*self.mock.request("GET", "/pets", {"Authorization": "Bearer t"}))
        self.assertEqual(answer["errors"], ["MissingRequiredParameter: Missing required header parameter: X-Request-Id"])

    def test_missing_credential(self):
        answer = self.rejected(*self.mock.request("GET", "/pets", {"X-Request-Id": "r"}))
        self.assertIn("Security not found", answer["errors"][0])
        self.assertIn("bearer", answer["errors"][0])

    def test_wrong_kind_of_credential(self):
        answer = self.rejected(*self.mock.request("GET", "/pets", {"X-Request-Id": "r", "Authorization": "Basic dTpw"}))
        self.assertIn("Security not found", answer["errors"][0])

    def test_cookie_credential(self):
        status, _, body = self.mock.request("GET", "/session", {"Cookie": "sid=abc"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body, b"sdkgen")
        self.rejected(*self.mock.request("GET", "/session"))

    def test_missing_required_body_property(self):
        answer = self.rejected(*self.mock.request("POST", "/pets", AUTH, {"tag": "x"}))
        self.assertEqual(answer["operation"], "createPet")
        self.assertIn("  at $: 'name' is a required property", answer["errors"])

    def test_missing_required_body(self):
        answer = self.rejected(*self.mock.request("POST", "/pets", AUTH, b""))
        self.assertIn("Missing required request body", " ".join(answer["errors"]))

    def test_wrong_body_content_type(self):
        answer = self.rejected(*self.mock.request("POST", "/pets", {**AUTH, "Content-Type": "text/plain"}, b"name=x"))
        self.assertIn("Content for the following mimetype not found: text/plain", answer["errors"][0])

    def test_path_parameter_format(self):
        answer = self.rejected(*self.mock.request("GET", "/pets/not-a-uuid"))
        self.assertIn("  at $: 'not-a-uuid' is not a 'uuid'", answer["errors"])

    def test_path_parameter_percent_decoded(self):
        status, _, body = self.mock.request("GET", "/pets/" + UUID.replace("-", "%2D"))
        self.assertEqual(status, 200, body)

    def test_unknown_path_is_404(self):
        answer = self.rejected(*self.mock.request("GET", "/nothing"), expected_status=404)
        self.assertIn("Path not found", answer["errors"][0])

    def test_invalid_example_replaced_by_valid_synthesized_value(self):
        status, _, body = self.mock.request("POST", "/pets", AUTH, {"name": "Rex"})
        self.assertEqual(status, 201, body)
        pet = json.loads(body)
        self.assertIsInstance(pet["id"], int)
        self.assertGreaterEqual(pet["id"], 1)
        self.assertIn(pet["kind"], ("dog", "cat"))
        self.assertRegex(pet["code"], r"^[A-Z]{3}-[0-9]{4}$")
        self.assertNotIn("secret", pet)  # writeOnly dropped in responses
        self.assertIn("born", pet)  # readOnly kept
        self.assertGreater(pet["weight"], 0)
        entry = [e for e in self.mock.log() if e["operation"] == "createPet" and e["status"] == 201][-1]
        self.assertEqual(entry["example"], "spec-invalid")
        self.assertTrue(any("'not-an-integer' is not of type 'integer'" in e for e in entry["response_errors"]), entry)

    def test_2XX_range_and_synthesized_example(self):
        status, _, body = self.mock.request("GET", "/pets/" + UUID)
        self.assertEqual(status, 200)
        entry = [e for e in self.mock.log() if e["operation"] == "getPet" and e["status"] == 200][-1]
        self.assertEqual(entry["example"], "synthesized")
        self.assertEqual(entry["response_errors"], [])

    def test_no_content(self):
        status, headers, body = self.mock.request("DELETE", "/pets/" + UUID, AUTH)
        self.assertEqual((status, body), (204, b""))

    def test_event_stream(self):
        status, headers, body = self.mock.request("GET", "/events", AUTH)
        self.assertEqual(status, 200)
        self.assertEqual(headers["Content-Type"], "text/event-stream")
        events = body.decode().split("\n\n")
        self.assertEqual(events[2:], [""])
        for event in events[:2]:
            self.assertTrue(event.startswith("data: {"))
            self.assertEqual(json.loads(event[6:])["name"], "sdkgen")

    def test_chunked_body_and_expect_100_continue(self):
        conn = http.client.HTTPConnection(self.mock.host, self.mock.port, timeout=30)
        conn.putrequest("POST", self.mock.base + "/pets")
        for name, value in {**AUTH, "Content-Type": "application/json", "Transfer-Encoding": "chunked"}.items():
            conn.putheader(name, value)
        conn.endheaders()
        for part in (b'{"name":', b'"Rex"}'):
            conn.send(b"%x\r\n%s\r\n" % (len(part), part))
        conn.send(b"0\r\n\r\n")
        self.assertEqual(conn.getresponse().status, 201)
        conn.close()
        body = b'{"tag": "x"}'
        conn = http.client.HTTPConnection(self.mock.host, self.mock.port, timeout=30)
        conn.putrequest("POST", self.mock.base + "/pets")
        for name, value in {**AUTH, "Content-Type": "application/json", "Expect": "100-continue",
                            "Content-Length": str(len(body))}.items():
            conn.putheader(name, value)
        conn.endheaders()
        conn.send(body)
        self.assertEqual(conn.getresponse().status, 400)
        conn.close()

    def test_parallel_requests(self):
        results = []

        def call():
            results.append(self.mock.request("GET", "/pets?limit=2", AUTH)[0])

        threads = [threading.Thread(target=call) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(results, [200] * 16)

    def test_log_lines(self):
        self.mock.request("GET", "/pets?limit=abc", AUTH)
        self.mock.request("GET", "/pets?limit=3", AUTH)
        log = self.mock.log()
        bad, good = log[-2], log[-1]
        keys = ["method", "path", "query", "operation", "status", "request_errors", "response_errors", "example"]
        self.assertEqual(list(good), keys)
        self.assertEqual((good["method"], good["path"], good["query"], good["operation"], good["status"], good["example"]),
                         ("GET", "/v1/pets", "limit=3", "listPets", 200, "spec"))
        self.assertEqual(good["request_errors"], [])
        self.assertEqual((bad["status"], bad["query"]), (400, "limit=abc"))
        self.assertTrue(bad["request_errors"])
        delete = [e for e in log if e["method"] == "DELETE"]
        if delete:
            self.assertEqual(delete[-1]["operation"], "DELETE /pets/{petId}")


class OpenAPI31SplitTests(unittest.TestCase):
    """3.1 spec whose schemas live in a second file (relative $ref)."""

    @classmethod
    def setUpClass(cls):
        cls.mock = MockProcess("api-3.1.yaml")

    @classmethod
    def tearDownClass(cls):
        cls.mock.stop()

    def test_base_path(self):
        self.assertTrue(self.mock.url.endswith("/api/partner"), self.mock.url)

    def test_valid_request_synthesized_response(self):
        status, _, body = self.mock.request("POST", "/v3/chats/c1/messages", {"X-API-Key": "k"},
                                            {"text": "hi", "reply_to": None})
        self.assertEqual(status, 200, body)
        sent = json.loads(body)
        self.assertEqual(sent["status"], "queued")
        self.assertEqual(sent["id"], UUID)
        self.assertEqual(len(sent["parts"]), 2)
        self.assertTrue(all(p <= -5 for p in sent["parts"]))
        entry = self.mock.log()[-1]
        self.assertEqual((entry["operation"], entry["example"], entry["response_errors"]),
                         ("sendMessage", "synthesized", []))

    def test_type_array_with_null(self):
        answer = json.loads(self.mock.request("POST", "/v3/chats/c1/messages", {"X-API-Key": "k"},
                                              {"text": "hi", "reply_to": 3})[2])
        self.assertTrue(any("at $.reply_to: 3 is not of type 'string', 'null'" in e for e in answer["errors"]), answer)

    def test_missing_body_property_from_other_file(self):
        status, _, body = self.mock.request("POST", "/v3/chats/c1/messages", {"X-API-Key": "k"}, {"reply_to": "x"})
        self.assertEqual(status, 400)
        self.assertIn("  at $: 'text' is a required property", json.loads(body)["errors"])

    def test_missing_api_key(self):
        status, _, body = self.mock.request("POST", "/v3/chats/c1/messages", {}, {"text": "hi"})
        self.assertEqual(status, 400)
        self.assertIn("Security not found", json.loads(body)["errors"][0])

    def test_discriminated_one_of(self):
        status, _, body = self.mock.request("GET", "/v3/shapes")
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body)["kind"], "circle")
        self.assertEqual(self.mock.log()[-1]["response_errors"], [])

    def multipart(self, boundary, note):
        body = ("--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\n\x00\x01abc\r\n"
                "--{b}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n{n}\r\n--{b}--\r\n")
        return self.mock.request("POST", "/v3/attachments", {"Content-Type": "Multipart/Form-Data; boundary=" + boundary},
                                 body.format(b=boundary, n=note).encode())

    def test_multipart_boundary_keeps_its_case(self):
        status, _, body = self.multipart("Boundary-AbC123", "hi")
        self.assertEqual(status, 204, body)
        self.assertEqual(self.mock.log()[-1]["request_errors"], [])

    def test_multipart_part_validated(self):
        status, _, body = self.multipart("Boundary-AbC123", "toolong")
        self.assertEqual(status, 400, body)
        self.assertIn("  at $.note: 'toolong' is too long", json.loads(body)["errors"])
    def test_response_media_type_chosen_by_accept(self):
        for accept, expected_type, expected_body in [
            ("text/csv", "text/csv", b"a,b"),
            ("application/json;q=0.5, text/*;q=0.9", "text/csv", b"a,b"),
            ("application/json", "application/json", b'{"rows": 2}'),
            (None, "application/json", b'{"rows": 2}'),
        ]:
            status, headers, body = self.mock.request("GET", "/v3/report", {"Accept": accept} if accept else {})
            self.assertEqual((status, headers.get("Content-Type"), body), (200, expected_type, expected_body), accept)

    def test_all_of_member_with_only_required(self):
        status, _, body = self.mock.request("GET", "/v3/page")
        self.assertEqual((status, json.loads(body)), (200, {"meta": {"total": 3}}), body)
        self.assertEqual(self.mock.log()[-1]["response_errors"], [])

    def test_path_servers_in_another_file_and_a_yaml_date(self):
        status, _, body = self.mock.request("GET", "/v3/elsewhere")
        self.assertEqual((status, json.loads(body)), (200, {"day": "2024-01-02"}), body)
        self.assertEqual(self.mock.log()[-1]["response_errors"], [])


class OutsideFolderTests(unittest.TestCase):
    def test_a_reference_outside_the_spec_folder_is_not_read(self):
        root = tempfile.mkdtemp(prefix="sdkgen-mock-outside-")
        try:
            os.makedirs(os.path.join(root, "spec"))
            with open(os.path.join(root, "secret.yaml"), "w") as handle:
                handle.write("type: object\nproperties: {token: {type: string, example: leaked}}\nrequired: [token]\n")
            with open(os.path.join(root, "spec", "api.yaml"), "w") as handle:
                handle.write("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n"
                             "        '200':\n          description: ok\n          content:\n            application/json:\n"
                             "              schema: {$ref: '../secret.yaml'}\n")
            mock = MockProcess(os.path.join(root, "spec", "api.yaml"))
            try:
                status, _, body = mock.request("GET", "/x")
                errors = mock.log()[-1]["response_errors"]
            finally:
                mock.stop()
            self.assertNotIn(b"leaked", body)
            self.assertEqual(errors, ["response validation crashed: Unresolvable: ../secret.yaml"])
        finally:
            shutil.rmtree(root, ignore_errors=True)


class SynthesisTests(unittest.TestCase):
    def test_pattern_and_numbers(self):
        sys.path.insert(0, HERE)
        import sdkgen_mock as m
        self.assertRegex(m.synth_string({"pattern": r"^\+[1-9]\d{6,14}$"}), r"^\+[1-9]\d{6,14}$")
        self.assertRegex(m.synth_string({"pattern": r"^[a-z]{2}_[0-9a-f]{8}$"}), r"^[a-z]{2}_[0-9a-f]{8}$")
        self.assertEqual(len(m.synth_string({"minLength": 10, "format": "uuid", "maxLength": 12})), 12)
        self.assertEqual(m.synth_number({"minimum": 5, "exclusiveMinimum": True}, True), 6)
        self.assertEqual(m.synth_number({"exclusiveMinimum": 5}, True), 6)
        self.assertEqual(m.synth_number({"minimum": 7, "multipleOf": 5}, True), 10)
        self.assertEqual(m.synth_number({"maximum": 1, "minimum": 0, "exclusiveMaximum": True}, False), 0.5)
        self.assertEqual(m.server_base_path({"servers": [{"url": "https://x.test/api/partner/"}]}), "/api/partner")
        self.assertEqual(m.server_base_path({}), "")


if __name__ == "__main__":
    unittest.main()
