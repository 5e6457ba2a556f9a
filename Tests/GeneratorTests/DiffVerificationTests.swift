import Foundation
import Testing

/// `sdkgen diff` on the webhook signature check that `webhooks.signature` in sdkgen.yaml adds.
@Suite("sdkgen diff: verified webhooks")
struct DiffVerificationTests {
    static let unsigned = "module: Signed\nwebhooks:\n  discriminators: [type]\n  header: X-Signed-Event\n"

    /// The changes as `level name: detail` lines, from the old config to the new one, on the Signed golden's spec.
    func changes(from old: String, to new: String) throws -> [String] {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(old, to: folder + "/old.sdkgen.yaml")
        try write(new, to: folder + "/new.sdkgen.yaml")
        let spec = packageRoot + "/Tests/Golden/Signed/openapi.yaml"
        let run = try runTool(
            ["diff", "--old", spec, "--new", spec, "--old-config", "old.sdkgen.yaml", "--new-config", "new.sdkgen.yaml", "--format", "json"],
            in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let changes = try #require(report["changes"] as? [[String: Any]])
        return changes.map { "\($0["level"] ?? "") \($0["name"] ?? ""): \($0["detail"] ?? "")" }
    }

    @Test("Turning verification on is additive, off is breaking, its settings are invisible")
    func levels() throws {
        let signed = Self.unsigned + "  signature: standard-webhooks\n  secretEnvironment: SIGNED_WEBHOOK_SECRET\n"
        #expect(
            try changes(from: Self.unsigned, to: signed) == [
                "additive SignedWebhookEvent.verify: New: verifies a delivery's standard-webhooks signature before decoding it; the SDK now imports SDKWebhooks (swift-crypto)."
            ])
        #expect(
            try changes(from: signed, to: Self.unsigned) == [
                "breaking SignedWebhookEvent.verify: Removed: deliveries are no longer verified; calls no longer compile."
            ])
        #expect(
            try changes(from: signed, to: Self.unsigned + "  signature: standard-webhooks\n  secretEnvironment: HOOK_SECRET\n  tolerance: 60\n") == [
                "invisible SignedWebhookEvent.verify: Reads the secret from HOOK_SECRET when none is passed (was SIGNED_WEBHOOK_SECRET).",
                "invisible SignedWebhookEvent.verify: Accepts timestamps within 60 s of now (was 300 s).",
            ])
        #expect(
            try changes(from: signed, to: Self.unsigned + "  signature: standard-webhooks\n") == [
                "breaking SignedWebhookEvent.verify: The secret is no longer read from SIGNED_WEBHOOK_SECRET: calls that pass none no longer compile."
            ])
    }
}
