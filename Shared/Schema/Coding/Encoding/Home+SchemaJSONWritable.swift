extension Home: SchemaJSONWritable {
    /// Writes the home as its `Codable` conformance is written: the normalizer writes every
    /// home twice, to the warehouse and to `homes.normalized`.
    public func write(to writer: SchemaJSONWriter) -> Bool {
        let output = writer.output
        var finite = true
        var object = JSONMemberWriter(output: output)
        object.member("address") { address.write(to: output) }
        object.member("bathrooms", bathrooms)
        object.member("bedrooms", bedrooms)
        object.member("builtMonth", builtMonth)
        object.member("builtYear", builtYear)
        object.member("conflicts") { output.writeArray(conflicts) { $0.write(to: output) } }
        object.member("cooling", cooling)
        if let coordinates {
            object.member("coordinates") {
                var members = JSONMemberWriter(output: output)
                members.member("latitude", coordinates.latitude)
                members.member("longitude", coordinates.longitude)
                members.close()
                finite = finite && members.finite
            }
        }
        object.member("extra") { output.write(strings: extra) }
        object.member("floor", floor)
        object.member("garageSpaces", garageSpaces)
        object.member("heating", heating)
        object.member("id", id)
        object.member("listingDate", listingDate)
        object.member("livingArea", livingArea)
        object.member("lotArea", lotArea)
        object.member("normalizedAt") { output.writeString(Timestamp.string(from: normalizedAt)) }
        if let price {
            object.member("price") { finite = price.write(to: output) && finite }
        }
        if let priceHistory {
            object.member("priceHistory") {
                output.writeArray(priceHistory) { finite = $0.write(to: output) && finite }
            }
        }
        object.member("priceInUSD", priceInUSD)
        object.member("priceKind", priceKind?.rawValue)
        object.member("propertyType", propertyType?.rawValue)
        object.member("provenance") { output.write(provenance: provenance) }
        object.member("region", region)
        object.member("retiredInto", retiredInto)
        object.member("rooms", rooms)
        object.member("saleDate", saleDate)
        object.member("schemaVersion", schemaVersion)
        object.member("version", version)
        object.close()
        return finite && object.finite
    }
}

extension Address {
    /// Writes the address as ``JSONValueEncoder`` writes it through `Codable`.
    func write(to output: JSONOutput) {
        var object = JSONMemberWriter(output: output)
        object.member("city", city)
        object.member("country", country)
        object.member("houseNumber", houseNumber)
        object.member("postalCode", postalCode)
        object.member("state", state)
        object.member("street", street)
        object.member("unit", unit)
        object.close()
    }
}

extension Money: SchemaJSONWritable {
    /// Writes the amount as its `Codable` conformance is written; `false` when the amount is
    /// not finite.
    public func write(to writer: SchemaJSONWriter) -> Bool {
        write(to: writer.output)
    }

    func write(to output: JSONOutput) -> Bool {
        var object = JSONMemberWriter(output: output)
        object.member("amount", amount)
        object.member("currency", currency)
        object.close()
        return object.finite
    }
}

extension PriceEvent {
    /// Writes the event as ``JSONValueEncoder`` writes it through `Codable`; `false` when its
    /// price is not finite.
    func write(to output: JSONOutput) -> Bool {
        var finite = true
        var object = JSONMemberWriter(output: output)
        object.member("date", date)
        object.member("fetchedAt") { output.writeString(Timestamp.string(from: fetchedAt)) }
        object.member("kind", kind.rawValue)
        object.member("price") { finite = price.write(to: output) }
        object.member("recordId", recordId)
        object.member("sourceId", sourceId)
        object.close()
        return finite
    }
}

extension FieldConflict {
    /// Writes the conflict as ``JSONValueEncoder`` writes it through `Codable`.
    func write(to output: JSONOutput) {
        var object = JSONMemberWriter(output: output)
        object.member("field", field)
        object.member("resolution", resolution.rawValue)
        object.close()
    }
}
