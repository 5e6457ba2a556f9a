/// Runs `operation`, and cancels it when it takes longer than `timeout`.
///
/// Throws ``RequestFailure/timedOut(_:)`` when the time ran out first. Whatever `operation`
/// throws is rethrown. The transport must honour cancellation for the deadline to end it early.
func withDeadline<T: Sendable>(_ timeout: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: timeout)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw RequestFailure.timedOut(timeout)
        }
        return value
    }
}
