// SDKModel: work in progress
