import Diagnostics
import OpenAPI
import SDKModel
import Testing

/// A spec of bodiless operations, each `(HTTP method, path, operationId)`; every `{name}` in a
/// path is declared as a string path parameter.
func namingSpec(_ operations: [(String, String, String?)]) -> String {
    var paths: [String: [String]] = [:]
    var order: [String] = []
    for (method, path, operationID) in operations {
        if paths[path] == nil { order.append(path) }
        var lines = ["    \(method):"]
        if let operationID { lines.append("      operationId: \(operationID)") }
        let names = path.split(separator: "{").dropFirst().compactMap { $0.split(separator: "}").first }
        if !names.isEmpty {
            lines.append("      parameters:")
            for name in names { lines.append("        - {name: \(name), in: path, required: true, schema: {type: string}}") }
        }
        lines.append("      responses: {'204': {description: ok}}")
        paths[path, default: []] += lines
    }
    let body = order.map { "  '\($0)':\n" + paths[$0, default: []].joined(separator: "\n") }.joined(separator: "\n")
    return "openapi: 3.1.0\ninfo: {title: Naming, version: '1'}\npaths:\n" + body + "\n"
}

/// The SDK for `spec` and every diagnostic of loading and building it.
func buildNaming(_ spec: String, config: String = "") throws -> (sdk: SDK, diagnostics: [String]) {
    let loaded = DocumentLoader.load(SourceFile(path: "spec.yaml", bytes: Array(spec.utf8)))
    let document = try #require(loaded.document, "\(loaded.diagnostics)")
    let configResult = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", bytes: Array(config.utf8)))
    let parsed = try #require(configResult.config, "\(configResult.diagnostics)")
    let built = SDKBuilder.build(document, config: parsed)
    let sdk = try #require(built.sdk, "\(built.diagnostics)")
    return (sdk, (loaded.diagnostics + built.diagnostics).map(\.description))
}

/// Every resource as `a.b: method, method`, depth first in declaration order.
func resourceTree(_ sdk: SDK) -> [String] {
    func lines(_ resource: Resource) -> [String] {
        ["\(resource.accessPath.joined(separator: ".")): \(resource.methods.map(\.name).joined(separator: ", "))"]
            + resource.children.flatMap(lines)
    }
    return sdk.resources.flatMap(lines)
}

@Suite("Resource and method names from real-world paths")
struct ResourceNamingTests {
    @Test(
        "Version segments are not resources: numbers, pre-releases and dates",
        arguments: [
            ("/v1/models", "models"), ("/V3/chats", "chats"), ("/v2024/items", "items"), ("/2.0/teams", "teams"),
            ("/v1.1/statuses", "statuses"), ("/v1beta/models", "models"), ("/v2alpha1/jobs", "jobs"), ("/v1rc2/runs", "runs"),
            ("/2010-04-01/Accounts", "accounts"), ("/2022-11-28/repos", "repos"), ("/v1/2022-11-28/repos", "repos"),
            // Not versions: a word after the number, a word starting with v, a date of another shape.
            ("/2fa", "_2fa"), ("/vault", "vault"), ("/v1beta-x", "v1betaX"), ("/2010-4-1", "_201041"), ("/v1gamma", "v1gamma"),
        ])
    func versions(path: String, expected: String) throws {
        let (sdk, diagnostics) = try buildNaming(namingSpec([("post", path, "make")]))
        #expect(diagnostics.isEmpty)
        #expect(sdk.resources.map(\.propertyName) == [expected])
    }

    @Test("A format suffix on the last segment is not part of the name; collection and items are one resource")
    func formatSuffix() throws {
        let spec = namingSpec([
            ("get", "/Accounts/{AccountSid}/Calls.json", "listCall"),
            ("get", "/Accounts/{AccountSid}/Calls/{Sid}.json", "fetchCall"),
            ("get", "/Accounts/{AccountSid}/Recordings.XML", "listRecording"),
            ("post", "/Accounts/{AccountSid}/Recordings.XML", "createRecording"),
            ("get", "/Accounts/{AccountSid}/Reports.pdf", "listReport"),
            ("post", "/Accounts/{AccountSid}/Reports.pdf", "createReport"),
        ])
        let (sdk, diagnostics) = try buildNaming(spec)
        #expect(diagnostics.isEmpty, "a parameter followed by '.json' in one segment is a declared path parameter")
        #expect(
            resourceTree(sdk) == [
                "accounts: ", "accounts.calls: list, retrieve", "accounts.recordings: list, create",
                "accounts.reportsPdf: listReport, createReport",
            ])
        let item = try #require(sdk.resources.first?.children.first?.methods.last)
        #expect(
            item.pathPieces == [
                .literal("/Accounts/"), .parameter(label: "accountSid"), .literal("/Calls/"), .parameter(label: "sid"), .literal(".json"),
            ])
    }

    @Test("`@me` names a resource `me`; a segment of symbols only names none")
    func atMe() throws {
        let spec = namingSpec([
            ("get", "/users/@me", "get_my_user"),
            ("get", "/users/@me/guilds", "list_my_guilds"),
            ("delete", "/users/@me/guilds/{guild_id}", "leave_guild"),
            ("get", "/users/@/settings", "list_settings"),
            ("patch", "/users/@/settings", "update_settings"),
        ])
        let (sdk, diagnostics) = try buildNaming(spec)
        #expect(diagnostics.isEmpty)
        #expect(resourceTree(sdk) == ["users: ", "users.me: getMy", "users.me.guilds: listMy, leave", "users.settings: list, update"])
        #expect(!resourceTree(sdk).joined().contains("unnamed"))
    }

    @Test(
        "A resource's noun goes from the operationId in its English singular or plural",
        arguments: [
            ("/calls/{sid}", "deleteCall", "delete"), ("/addresses/{sid}", "deleteAddress", "delete"),
            ("/policies/{sid}", "deletePolicy", "delete"), ("/batches/{id}", "cancelBatch", "cancel"),
            ("/boxes/{id}", "openBox", "open"), ("/people/{id}", "deletePerson", "delete"),
            ("/statuses/{id}", "deleteStatus", "delete"), ("/movies/{id}", "deleteMovie", "delete"),
            ("/address/{sid}", "deleteAddresses", "delete"), ("/policy", "updatePolicies", "update"),
            ("/days/{id}", "deleteDay", "delete"), ("/series/{id}", "deleteSeries", "delete"),
            ("/emojis/{id}", "deleteEmoji", "delete"), ("/skus/{id}", "deleteSku", "delete"), ("/aliases/{id}", "deleteAlias", "delete"),
            // Nothing singular or plural of the noun to remove.
            ("/calls/{sid}", "deleteCaller", "deleteCaller"), ("/news/{id}", "deleteNew", "deleteNew"),
        ])
    func inflection(path: String, operationID: String, expected: String) throws {
        let (sdk, _) = try buildNaming(namingSpec([("delete", path, operationID)]))
        #expect(sdk.resources.first?.methods.map(\.name) == [expected])
    }

    @Test("Bare verbs: get is retrieve on an item or a singular noun and list on a plural; fetch on GET is retrieve")
    func bareVerbs() throws {
        let spec = namingSpec([
            ("get", "/guilds/{guild_id}/widget.json", "get_guild_widget"),
            ("patch", "/guilds/{guild_id}/widget.json", "update_guild_widget"),
            ("get", "/guilds/{guild_id}/messages", "get_guild_messages"),
            ("get", "/guilds/{guild_id}/messages/{id}", "get_guild_message"),
            ("get", "/guilds/{guild_id}/balance", "fetchBalance"),
            ("delete", "/guilds/{guild_id}/balance", "resetBalance"),
            ("post", "/guilds/{guild_id}/jobs", "fetchJob"),
            ("get", "/guilds/{guild_id}/jobs", nil),
            ("get", "/guilds/{guild_id}/status", nil),
            ("put", "/guilds/{guild_id}/status", nil),
            ("get", "/guilds/{guild_id}/emojis", nil),
            ("post", "/guilds/{guild_id}/emojis", nil),
        ])
        let (sdk, _) = try buildNaming(spec)
        #expect(
            resourceTree(sdk) == [
                "guilds: ", "guilds.widget: retrieve, update", "guilds.messages: list, retrieve", "guilds.balance: retrieve, reset",
                "guilds.jobs: fetch, list", "guilds.status: retrieve, update", "guilds.emojis: list, create",
            ])
    }

    @Test("Twilio-shaped paths: a date version, .json suffixes, singular nouns in the operationIds")
    func twilio() throws {
        var operations: [(String, String, String?)] = [
            ("get", "/2010-04-01/Accounts.json", "listAccount"),
            ("post", "/2010-04-01/Accounts.json", "createAccount"),
            ("get", "/2010-04-01/Accounts/{Sid}.json", "fetchAccount"),
            ("post", "/2010-04-01/Accounts/{Sid}.json", "updateAccount"),
            ("get", "/2010-04-01/Accounts/{AccountSid}/Balance.json", "fetchBalance"),
        ]
        for (plural, singular) in [("Calls", "Call"), ("Addresses", "Address"), ("IncomingPhoneNumbers", "IncomingPhoneNumber")] {
            operations += [
                ("get", "/2010-04-01/Accounts/{AccountSid}/\(plural).json", "list\(singular)"),
                ("post", "/2010-04-01/Accounts/{AccountSid}/\(plural).json", "create\(singular)"),
                ("get", "/2010-04-01/Accounts/{AccountSid}/\(plural)/{Sid}.json", "fetch\(singular)"),
                ("post", "/2010-04-01/Accounts/{AccountSid}/\(plural)/{Sid}.json", "update\(singular)"),
                ("delete", "/2010-04-01/Accounts/{AccountSid}/\(plural)/{Sid}.json", "delete\(singular)"),
            ]
        }
        operations += [
            ("get", "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Notifications.json", "listCallNotification"),
            ("get", "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Notifications/{Sid}.json", "fetchCallNotification"),
            ("delete", "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Notifications/{Sid}.json", "deleteCallNotification"),
        ]
        let (sdk, diagnostics) = try buildNaming(namingSpec(operations))
        #expect(diagnostics.isEmpty)
        #expect(
            resourceTree(sdk) == [
                "accounts: list, create, retrieve, update, fetchBalance",
                "accounts.calls: list, create, retrieve, update, delete",
                "accounts.calls.notifications: list, retrieve, delete",
                "accounts.addresses: list, create, retrieve, update, delete",
                "accounts.incomingPhoneNumbers: list, create, retrieve, update, delete",
            ])
        #expect(sdk.resources.map(\.typeName) == ["Accounts"], "no `_20100401Resource`")
    }

    @Test("Two methods with one name in a resource: the later one gets a suffix and a warning")
    func collision() throws {
        let spec = namingSpec([
            ("get", "/calls/{sid}", "fetchCall"),
            ("post", "/calls/{sid}", "retrieveCall"),
        ])
        for _ in 0..<2 {
            let (sdk, diagnostics) = try buildNaming(spec)
            #expect(resourceTree(sdk) == ["calls: retrieve, retrieve2"])
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?.contains("operation 'retrieveCall' would be named 'retrieve' in 'calls', which is taken") == true)
        }
    }

    @Test("`operations.<id>.resource` and `.method` in sdkgen.yaml override every rule")
    func overrides() throws {
        let spec = namingSpec([
            ("get", "/2010-04-01/Accounts/{AccountSid}/Calls.json", "listCall"),
            ("post", "/2010-04-01/Accounts/{AccountSid}/Calls.json", "createCall"),
            ("get", "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json", "fetchCall"),
            ("get", "/users/@me", "getCurrentUser"),
        ])
        let config = """
            operations:
              listCall:
                method: all
              fetchCall:
                resource: calls
                method: fetch
              getCurrentUser:
                resource: me
                method: get
            """
        let (sdk, diagnostics) = try buildNaming(spec, config: config)
        #expect(diagnostics.isEmpty)
        #expect(resourceTree(sdk) == ["accounts: ", "accounts.calls: all, create", "calls: fetch", "me: get"])
    }
}
