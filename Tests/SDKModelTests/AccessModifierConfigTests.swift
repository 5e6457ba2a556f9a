import SDKModel
import Testing

@Suite("sdkgen.yaml: accessModifier")
struct AccessModifierConfigTests {
    @Test("public by default; package and internal are read; the SDK carries the level")
    func levels() throws {
        #expect(loadConfig("")?.accessModifier == .public)
        #expect(loadConfig("accessModifier: package")?.accessModifier == .package)
        #expect(loadConfig("accessModifier: internal")?.accessModifier == .internal)
        let sdk = try #require(try build(shopSpec, config: "accessModifier: package").sdk)
        #expect(sdk.accessModifier == .package)
    }

    @Test("Any other level is an error at its value")
    func badLevel() {
        #expect(
            configDiagnostics("module: Shop\naccessModifier: open\n") == [
                "sdkgen.yaml:2:17: error: 'accessModifier' must be one of: public, package, internal; found 'open'"
            ])
        #expect(
            configDiagnostics("accessModifier: [public]\n") == ["sdkgen.yaml:1:17: error: expected a string for 'accessModifier', found a sequence"])
    }
}
