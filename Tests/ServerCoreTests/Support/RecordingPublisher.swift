import Pipeline
import Schema
import Synchronization

/// A publisher that keeps what it is given, for tests that need no broker.
final class RecordingPublisher: MessagePublisher {
    private let messages = Mutex<[any SchemaMessage]>([])

    func publish(_ messages: [any SchemaMessage]) async throws(PipelineError) {
        self.messages.withLock { $0 += messages }
    }

    /// Every published message of type `Message`, in order.
    func published<Message: SchemaMessage>(_ type: Message.Type) -> [Message] {
        messages.withLock { $0.compactMap { $0 as? Message } }
    }
}
