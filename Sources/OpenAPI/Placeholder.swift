// OpenAPI: work in progress
