import Dispatch
import SDKModel

/// Renders an `SDK` into the in-memory file set of a Swift package target.
public enum SwiftRenderer {
    /// Every file of the SDK: the client, the error type, one file per resource, the models
    /// spread over `ModelFiles(modelCount:)` files, the webhook event type
    /// (and its signature check, when the config asks for one) and `api.md`.
    ///
    /// Files are rendered in parallel (each is independent); the set is the same on every run.
    public static func render(_ sdk: SDK, templates: TemplateSet) -> FileSet {
        let contexts = ContextBuilder(sdk: sdk)
        var jobs: [(path: String, render: @Sendable () -> [UInt8])] = [
            ("\(sdk.clientName).swift", { templates.render("client", contexts.client()) }),
            ("\(sdk.errorName).swift", { templates.render("error", contexts.error()) }),
        ]
        for resource in contexts.resources {
            jobs.append(
                (
                    "Resources/\(resource.typePath.joined(separator: ".")).swift",
                    {
                        templates.render("resource", contexts.resource(resource))
                    }
                ))
        }
        if let webhooks = sdk.webhooks {
            jobs.append(("\(webhooks.typeName).swift", { templates.render("webhooks", contexts.webhooks(webhooks)) }))
            if let verification = webhooks.verification {
                jobs.append(
                    (
                        "\(webhooks.typeName)+Verification.swift",
                        { templates.render("webhookverification", contexts.webhookVerification(webhooks, verification)) }
                    ))
            }
        }
        jobs.append(("api.md", { templates.render("api", contexts.apiReference()) }))
        var modelFiles: [String: [Model]] = [:]
        let files = ModelFiles(modelCount: sdk.models.count)
        for model in sdk.models { modelFiles[files.path(for: model.typeName), default: []].append(model) }
        for (path, models) in modelFiles.sorted(by: { $0.key < $1.key }) {
            jobs.append((path, { templates.render("models", contexts.modelFile(models)) }))
        }
        let contents = concurrentMap(jobs) { normalized($0.render()) }
        return FileSet(zip(jobs, contents).map { GeneratedFile(path: $0.path, contents: $1) })
    }

    /// `transform` applied to every element, on all cores, results in order.
    public static func concurrentMap<Element, Result>(_ elements: [Element], _ transform: (Element) -> Result) -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: elements.count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        elements.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            nonisolated(unsafe) let results = results
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                // Each index is written by exactly one iteration.
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                    results[index] = transform(input[index])
                }
            }
        }
        return results.map { $0! }
    }

    /// Exactly one trailing newline, and no trailing spaces on any line.
    ///
    /// Works on UTF-8 bytes; the result is what splitting the `Character`s at `"\n"`, dropping
    /// trailing `" "` characters and trailing empty lines, and joining again gives: a CR LF is one
    /// character (never a line break here), and a line whose trailing spaces follow a non-ASCII
    /// byte (which a space could belong to) is trimmed character by character.
    static func normalized(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 1)
            var keptCount = 0  // The output up to the end of the last non-empty line.
            var lineStart = 0
            var index = 0
            while index <= bytes.count {
                let isBreak = index == bytes.count || (bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D))
                guard isBreak else {
                    index += 1
                    continue
                }
                var end = index
                while end > lineStart, bytes[end - 1] == 0x20 { end -= 1 }
                if end < index, end > lineStart, bytes[end - 1] >= 0x80 {
                    var line = Substring(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<index]), as: UTF8.self)
                    while line.last == " " { line = line.dropLast() }
                    output.append(contentsOf: line.utf8)
                } else {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]))
                }
                if end > lineStart { keptCount = output.count }
                output.append(0x0A)
                lineStart = index + 1
                index += 1
            }
            output.removeSubrange(keptCount...)
            output.append(0x0A)
            return String(decoding: output, as: UTF8.self)
        }
    }
}
