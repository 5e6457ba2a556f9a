// SDKRuntime: work in progress
