import Foundation
import Schema

extension ModelCard {
    /// The card as JSON in the shared schema format: sorted keys, ISO 8601 dates, so the same
    /// card always gives the same bytes (and the same artifact address).
    ///
    /// - Throws: ``RegistryError/Code/invalidDocument`` when a number is not finite.
    public func encoded() throws(RegistryError) -> Data {
        do {
            return try SchemaJSON.makeEncoder().encode(self)
        } catch {
            throw RegistryError(.invalidDocument, reason: "cannot encode the model card: \(error)", input: "\(modelName)@\(version)")
        }
    }

    /// Reads a card written by ``encoded()``.
    ///
    /// - Throws: ``RegistryError/Code/invalidDocument`` when the bytes are not a card or the
    ///   card is newer than ``currentCardVersion``.
    public static func decode(from data: Data) throws(RegistryError) -> ModelCard {
        let decoder = SchemaJSON.makeDecoder()
        let version: Int
        do {
            version = try decoder.decode(Header.self, from: data).cardVersion
        } catch {
            throw RegistryError(.invalidDocument, reason: "not a model card: \(error)")
        }
        guard version <= currentCardVersion else {
            throw RegistryError(
                .invalidDocument, reason: "card version \(version) is newer than \(currentCardVersion), the newest readable",
                input: "cardVersion=\(version)")
        }
        do {
            return try decoder.decode(ModelCard.self, from: data)
        } catch {
            throw RegistryError(.invalidDocument, reason: "cannot decode the model card: \(error)", input: "cardVersion=\(version)")
        }
    }

    /// The part of a card every version has.
    private struct Header: Decodable {
        var cardVersion: Int
    }
}
