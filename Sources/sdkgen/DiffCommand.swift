import APIDiff
import ArgumentParser
import Foundation
import Generator

/// `sdkgen diff`: what changed in the Swift API between two specs, and the release it needs.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Report what changed in the SDK's Swift API between two specs, and the semver bump it needs.",
        discussion: """
            Both SDK models are built and compared (never the generated text); each spec is read with the \
            sdkgen.yaml beside it. `--old-ref main` takes the old spec and config from git, so in a pull \
            request `sdkgen diff --old-ref origin/main` compares the branch with its base.
            """
    )

    @Option(help: "The older spec. Default with --old-ref: the newer spec's path at that revision.")
    var old: String?

    @Option(help: "A git revision (branch, tag, commit) to take the older spec and its sdkgen.yaml from.")
    var oldRef: String?

    @Option(help: "The newer spec. Default: the one spec in the nearest Specs/ folder.")
    var new: String?

    @Option(help: "The older spec's sdkgen.yaml. Default: sdkgen.yaml beside it (with --old-ref: the newer config's path at that revision).")
    var oldConfig: String?

    @Option(help: "The newer spec's sdkgen.yaml. Default: sdkgen.yaml beside it.")
    var newConfig: String?

    @Option(help: "text (default), markdown (a pull-request comment or CHANGELOG entry) or json.")
    var format: Format = .text

    @Option(help: "`breaking`: exit 1 when some change breaks code that uses the SDK.")
    var failOn: FailOn?

    @OptionGroup var timing: TimingOptions

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case breaking
    }

    func validate() throws {
        if old == nil && oldRef == nil { throw ValidationError("Give --old SPEC or --old-ref REVISION.") }
        if old != nil && oldRef != nil { throw ValidationError("Give --old or --old-ref, not both.") }
        if oldConfig != nil && oldRef != nil {
            throw ValidationError("--old-ref takes the config from git: give --new-config instead of --old-config.")
        }
    }

    func run() throws {
        let newInput = try resolve(new, config: newConfig)
        var snapshot: GitSnapshot?
        let oldInput: GenerationInput
        if let oldRef {
            do {
                let exported = try GitSnapshot.export(newInput, at: oldRef)
                snapshot = exported
                oldInput = exported.input
            } catch {
                Console.printError("sdkgen: error: \(error.message)")
                throw ExitCode.failure
            }
        } else {
            oldInput = try resolve(old, config: oldConfig)
        }
        defer { snapshot?.remove() }
        let naming = snapshot
        let result = Pipeline.diff(old: oldInput, new: newInput) { naming?.name($0) ?? $0 }
        Console.printDiagnostics(of: result)
        guard let report = result.value else { throw ExitCode.failure }
        timing.report(result.timings)
        print(report.formatted(ReportFormat(rawValue: format.rawValue) ?? .text), terminator: "")
        if failOn == .breaking && report.count(.breaking) > 0 { throw ExitCode.failure }
    }

    private func resolve(_ spec: String?, config: String?) throws -> GenerationInput {
        do {
            return try GenerationInput.resolve(
                spec: spec, config: config, templates: nil, output: nil, workingDirectory: FileManager.default.currentDirectoryPath)
        } catch {
            Console.printError("sdkgen: error: \(error.message)")
            throw ExitCode.failure
        }
    }
}
