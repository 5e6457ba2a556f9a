// The SDK of this target is generated at build time by SDKGenPlugin; its spec is broken on purpose.
