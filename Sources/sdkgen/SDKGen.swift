import ArgumentParser

/// `sdkgen`: turns an OpenAPI description into a Swift client SDK.
@main
struct SDKGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sdkgen",
        abstract: "Generate a Swift client SDK from an OpenAPI 3.0/3.1 description.",
        discussion: """
            With no arguments, regenerates Generated/<Module> from the one spec in the nearest Specs/ \
            folder (and Specs/sdkgen.yaml when present).
            """,
        subcommands: [GenerateCommand.self, CheckCommand.self, DiffCommand.self, ValidateCommand.self],
        defaultSubcommand: GenerateCommand.self
    )
}
