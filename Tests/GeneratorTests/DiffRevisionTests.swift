import Foundation
import Testing

/// `sdkgen diff` on the full Linq spec, on git revisions, and the verdict `sdkgen check` names.
@Suite("sdkgen diff on real revisions")
struct DiffRevisionTests {
    static let linqSpec = packageRoot + "/../shared/specs/linq-partner-v3.2026-02.yaml"
    static let linqConfig = packageRoot + "/Tests/Corpus/linq-partner-v3.2026-02.sdkgen.yaml"

    /// A newer revision of the full Linq spec: a new operation, a renamed operationId, a
    /// property made required, an enum value added, an operation removed.
    static func editedLinq(_ text: String) throws -> String {
        var text = text
        func replace(_ old: String, _ new: String) throws {
            let count = text.components(separatedBy: old).count - 1
            try #require(count == 1, "the Linq spec has \(count) copies of: \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try replace("operationId: markChatAsRead", "operationId: markChatRead")
        try replace("        - question\n        - custom\n", "        - question\n        - custom\n        - celebrate\n")
        try replace(
            "    Attachment:\n      type: object\n      required:\n        - id\n",
            "    Attachment:\n      type: object\n      required:\n        - id\n        - download_url\n")
        try replace(
            "  /v3/chats/{chatId}/read:\n",
            """
              /v3/chats/{chatId}/pin:
                post:
                  operationId: pinChat
                  summary: Pin a chat
                  tags: [Chats]
                  parameters:
                    - name: chatId
                      in: path
                      required: true
                      schema: {type: string, format: uuid}
                  responses:
                    '204':
                      description: Pinned
              /v3/chats/{chatId}/read:

            """)
        // deleteMessage: its `delete:` key up to the next path.
        let start = try #require(text.range(of: "    delete:\n      operationId: deleteMessage\n"))
        let end = try #require(text.range(of: "\n  /", range: start.upperBound..<text.endIndex))
        text.removeSubrange(start.lowerBound..<text.index(after: end.lowerBound))
        return text
    }

    /// A folder with `old/` and `new/`, each holding the spec as `linq.yaml` and its sdkgen.yaml.
    static func linqPair(edited: Bool) throws -> String {
        let folder = try makeTemporaryFolder()
        let spec = try String(contentsOfFile: linqSpec, encoding: .utf8)
        let config = try String(contentsOfFile: linqConfig, encoding: .utf8)
        try write(spec, to: folder + "/old/linq.yaml")
        try write(edited ? try editedLinq(spec) : spec, to: folder + "/new/linq.yaml")
        try write(config, to: folder + "/old/sdkgen.yaml")
        try write(config, to: folder + "/new/sdkgen.yaml")
        return folder
    }

    @Test("The full Linq spec against itself: no change, no release, in every format")
    func linqAgainstItself() throws {
        let folder = try Self.linqPair(edited: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = try runTool(["diff", "--old", "old/linq.yaml", "--new", "new/linq.yaml", "--fail-on", "breaking"], in: folder)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == "LinqFull 0.1.0: old/linq.yaml → new/linq.yaml\nno change; no release needed: the Swift API is the same\n")
        let json = try runTool(["diff", "--old", "old/linq.yaml", "--new", "new/linq.yaml", "--format", "json"], in: folder)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((report["changes"] as? [Any])?.isEmpty == true)
        #expect((report["verdict"] as? [String: Any])?["bump"] as? String == "none")
    }

    @Test("The edited Linq spec gives the expected report and verdict in all three formats")
    func linqEdited() throws {
        let folder = try Self.linqPair(edited: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (format, fileExtension) in DiffReportTests.formats {
            let run = try runTool(["diff", "--old", "old/linq.yaml", "--new", "new/linq.yaml", "--format", format], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            try compareDiffReport(run.stdout, with: "Tests/Diff/LinqFull/report.\(fileExtension)")
        }
        let failing = try runTool(["diff", "--old", "old/linq.yaml", "--new", "new/linq.yaml", "--fail-on", "breaking"], in: folder)
        #expect(failing.status == 1)
    }

    @Test("Two real revisions of one API: the OpenAPI Initiative's petstore and its expanded version")
    func petstoreRevisions() throws {
        let specs = packageRoot + "/../shared/specs"
        let run = try runTool(["diff", "--old", "oai-3.0-petstore.yaml", "--new", "oai-3.0-petstore-expanded.yaml"], in: specs)
        #expect(run.status == 0, "\(run.stderr)")
        try compareDiffReport(run.stdout, with: "Tests/Diff/Petstore/report.txt")
    }

    @Test("Client-level changes from sdkgen.yaml: module and client names, environment variables")
    func configChanges() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write("module: Pets\nversion: 3.0.0\nenvironment:\n  apiKey: PETS_KEY\n  baseURL: PETS_URL\n", to: folder + "/old.sdkgen.yaml")
        try write("module: PetStore\nversion: 3.0.0\nenvironment:\n  apiKey: PETSTORE_API_KEY\n", to: folder + "/new.sdkgen.yaml")
        let spec = packageRoot + "/Tests/Diff/base.yaml"
        let run = try runTool(
            ["diff", "--old", spec, "--new", spec, "--old-config", "old.sdkgen.yaml", "--new-config", "new.sdkgen.yaml", "--format", "json"],
            in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let changes = try #require(report["changes"] as? [[String: Any]])
        let lines = changes.map { "\($0["level"] ?? "") \($0["name"] ?? ""): \($0["detail"] ?? "")" }
        #expect(
            lines == [
                "breaking PetStore: The module is PetStore (was Pets): code naming Pets no longer compiles.",
                "breaking PetStoreClient: The client type is PetStoreClient (was PetsClient): code naming PetsClient no longer compiles.",
                "breaking PetStoreError: The error type is PetStoreError (was PetsError): code naming PetsError no longer compiles.",
                "invisible PetStoreClient.init: The base URL is read from no environment variable (was `PETS_URL`): set it where the old one was set.",
                "invisible bearerAuth: Read from `PETSTORE_API_KEY` when not passed (was `PETS_KEY`): set it where the old one was set.",
                "breaking PetStoreWebhookEvent: Renamed (was PetsWebhookEvent): code naming the old type no longer compiles.",
            ], "\(lines)")
        #expect((report["verdict"] as? [String: Any])?["nextVersion"] as? String == "4.0.0")
    }

    @Test("accessModifier in sdkgen.yaml: a narrower access level breaks, a wider one adds")
    func shapingChanges() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write("module: Pets\nversion: 1.0.0\n", to: folder + "/public.sdkgen.yaml")
        try write("module: Pets\nversion: 1.0.0\naccessModifier: package\n", to: folder + "/package.sdkgen.yaml")
        let spec = packageRoot + "/Tests/Diff/base.yaml"
        func lines(_ old: String, _ new: String) throws -> [String] {
            let run = try runTool(
                ["diff", "--old", spec, "--new", spec, "--old-config", old, "--new-config", new, "--format", "json"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let changes = try #require(report["changes"] as? [[String: Any]])
            return changes.map { "\($0["level"] ?? "") \($0["name"] ?? ""): \($0["detail"] ?? "")" }
        }
        #expect(
            try lines("public.sdkgen.yaml", "package.sdkgen.yaml") == [
                "breaking PetsClient: Every declaration is `package` (was `public`): the SDK is visible to the modules of its package only, and code outside it that uses the SDK no longer compiles."
            ])
        #expect(
            try lines("package.sdkgen.yaml", "public.sdkgen.yaml") == [
                "additive PetsClient: Every declaration is `public` (was `package`): the SDK is visible to every module."
            ])
    }

    @Test("--old-ref takes the old spec and config from git and names its files REV:path")
    func oldRevision() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let base = try String(contentsOfFile: packageRoot + "/Tests/Diff/base.yaml", encoding: .utf8)
        try write(base, to: folder + "/Specs/pets.yaml")
        try write("module: Pets\nversion: 2.3.0\n", to: folder + "/Specs/sdkgen.yaml")
        try git(["init", "-q"], in: folder)
        try git(["add", "."], in: folder)
        try git(["commit", "-q", "-m", "first"], in: folder)
        let added = try String(contentsOfFile: packageRoot + "/Tests/Diff/property-added-optional.yaml", encoding: .utf8)
        try write(added, to: folder + "/Specs/pets.yaml")
        let run = try runTool(["diff", "--old-ref", "HEAD", "--format", "markdown"], in: folder + "/Specs")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                ## Pets 2.4.0

                1 additive change; a minor release: 2.3.0 → 2.4.0.

                From `HEAD:Specs/pets.yaml` to `pets.yaml`.

                ### `models`

                - **additive** `Pet.birthday`: New optional property of type CalendarDate?: the memberwise `init` defaults it to nil, so existing code compiles. (`pets.yaml:91:19`)

                """)
        let unknown = try runTool(["diff", "--old-ref", "no-such-branch"], in: folder + "/Specs")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("sdkgen: error: 'no-such-branch' is not a commit of the git repository at "), "\(unknown.stderr)")
    }

    @Test("check names what changed in the Swift API when Generated/ is stale")
    func checkNamesTheVerdict() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let base = try String(contentsOfFile: packageRoot + "/Tests/Diff/base.yaml", encoding: .utf8)
        try write(base, to: folder + "/Specs/pets.yaml")
        try write("module: Pets\nversion: 0.3.1\n", to: folder + "/Specs/sdkgen.yaml")
        let generated = try runTool([], in: folder)
        #expect(generated.status == 0, "\(generated.stderr)")
        try git(["init", "-q"], in: folder)
        try git(["add", "."], in: folder)
        try git(["commit", "-q", "-m", "generated"], in: folder)
        let removed = try String(contentsOfFile: packageRoot + "/Tests/Diff/method-removed.yaml", encoding: .utf8)
        try write(removed, to: folder + "/Specs/pets.yaml")
        let check = try runTool(["check"], in: folder)
        #expect(check.status == 1)
        #expect(
            check.stderr.contains(
                "sdkgen: error: Generated/Pets is stale: 1 breaking change to the Swift API since it was last committed (a major release: 0.3.1 → 1.0.0); 2 files differ; regenerate with `swift run sdkgen`"
            ), "\(check.stderr)")
    }

    private func git(_ arguments: [String], in folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["git", "-c", "user.name=sdkgen tests", "-c", "user.email=tests@sdkgen.invalid", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    }
}
