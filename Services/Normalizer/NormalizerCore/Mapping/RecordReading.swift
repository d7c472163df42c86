import Foundation
import Schema

/// The work of mapping one record: reads fields one by one, collecting values and errors, then
/// assembles the parts that span several fields (address, price with a separate currency).
struct RecordReading {
    /// How the source writes values.
    let parsing: FieldParsing
    /// The record's parsed payload.
    let fields: any RecordFields
    /// The canonical fields read so far.
    private(set) var values: [String: FieldValue] = [:]
    /// Every field error so far.
    private(set) var errors: [NormalizationError] = []
    /// The address matching key, once the address is assembled with a street.
    private(set) var matchingKey: String?
    /// Terms of optional fields that no vocabulary knows, by field: the home keeps the rest.
    private(set) var unmappedTerms: [String: String] = [:]
    /// Whether the source maps address parts (`address.street`, …) besides a one-line
    /// `address`: a record whose address is an object is then read by its parts.
    private let mapsAddressParts: Bool

    private var addressLine: String?
    private var addressParts: [CanonicalField: String] = [:]
    private var priceAmount: (raw: String, mapping: FieldMapping)?
    private var priceCurrency: String?

    /// The newest a building may be: this many years after the fetch (homes sold off-plan).
    private static let newestBuiltYearAfterFetch = 3
    /// The Gregorian calendar in UTC, made once: the fetch year is read for every record.
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    init(parsing: FieldParsing, fields: any RecordFields, mapsAddressParts: Bool = false) {
        self.parsing = parsing
        self.fields = fields
        self.mapsAddressParts = mapsAddressParts
    }

    /// Reads one mapped field, recording its value or its error.
    ///
    /// No value, a blank or a placeholder (`TBD`, `n/a`) is an error only for a required
    /// field. A term of an optional vocabulary field (heating, cooling, property type, floor)
    /// that no vocabulary knows is kept aside in ``unmappedTerms`` instead of failing the record.
    mutating func read(_ name: String, mapping: FieldMapping) {
        do {
            guard let raw = try text(of: name, mapping: mapping) else {
                if mapping.required == true {
                    errors.append(NormalizationError(.missingField, reason: "a required field has no value", field: name))
                }
                return
            }
            if mapping.required == true, InputScreening.isPlaceholder(TextFolding.collapsingWhitespace(raw)) {
                errors.append(
                    NormalizationError(
                        .missingField, reason: "a required field holds a placeholder, not a value", field: name, input: raw))
                return
            }
            if name.hasPrefix(CanonicalField.extraPrefix) {
                values[name] = FieldValue(.text(TextFolding.collapsingWhitespace(raw)), raw: raw)
            } else if let field = CanonicalField(rawValue: name) {
                try read(field, raw: raw, mapping: mapping)
            }
        } catch let error as NormalizationError {
            errors.append(error.naming(field: name))
        } catch let error as ParseError where [.empty, .missingValue].contains(error.code) {
            return
        } catch let error as ParseError
            where [.unrecognizedTerm, .ambiguous].contains(error.code)
            && CanonicalField(rawValue: name)?.isOptionalTerm == true
        {
            unmappedTerms[name] = error.input
        } catch let error as ParseError {
            errors.append(NormalizationError(error, field: name))
        } catch {
            errors.append(NormalizationError(.unparseableField, reason: "\(error)", field: name))
        }
    }

    /// The source text of a field: the first of its paths with a value, its weighted sum, or
    /// its default; `nil` when there is none or it is blank.
    private func text(of name: String, mapping: FieldMapping) throws -> String? {
        let found =
            try mapping.sum.map { try weightedSum($0, mapping: mapping) }
            ?? fields.firstValue(
                at: mapping.paths, passingOverObjects: name == CanonicalField.address.rawValue && mapsAddressParts,
                isValue: { text in Self.namesTerm(text, field: name, mapping: mapping) })
        guard let raw = found ?? mapping.defaultValue, !TextFolding.isBlank(raw) else {
            return nil
        }
        return raw
    }

    /// The sum of each path's number times its weight, written in the field's number
    /// convention; `nil` when no path has a value. A placeholder counts as no value.
    private func weightedSum(_ weights: [String: Double], mapping: FieldMapping) throws -> String? {
        let convention = parsing.convention(for: mapping)
        var total = 0.0
        var found = false
        for (path, weight) in weights.sorted(by: { $0.key < $1.key }) {
            guard let text = try fields.text(at: path) else { continue }
            let count: Double
            do {
                count = try CountParser(convention: convention).parse(text)
            } catch {
                guard [.empty, .missingValue].contains(error.code) else { throw error }
                continue
            }
            total += count * weight
            found = true
        }
        guard found else { return nil }
        guard total.isFinite else {
            throw NormalizationError(.impossibleValue, reason: "the weighted sum is not a finite number", input: "\(total)")
        }
        let written = total == total.rounded() ? String(Int(total)) : String(total)
        return convention == .decimalComma ? written.replacingOccurrences(of: ".", with: ",") : written
    }

    private mutating func read(_ field: CanonicalField, raw: String, mapping: FieldMapping) throws {
        let convention = parsing.convention(for: mapping)
        switch field {
        case .address:
            addressLine = raw
        case .postalCode:
            addressParts[field] = Self.zeroPadded(raw, format: mapping.format)
        case .street, .houseNumber, .unit, .city, .state:
            addressParts[field] = raw
        case .price:
            let amount = try MoneyParser(
                defaultCurrency: parsing.currency,
                dollarSignCurrency: parsing.country == .canada ? .cad : .usd,
                convention: convention
            ).parse(raw)
            values[field.rawValue] = FieldValue(.money(amount.money), raw: raw)
        case .priceAmount:
            priceAmount = (raw, mapping)
        case .priceCurrency:
            priceCurrency = raw
        case .priceKind:
            let term = try Self.term(raw, mapping: mapping, builtIn: .priceKinds)
            try set(field, .text(Self.checked(term, as: PriceKind.self, field: field)), raw: raw)
        case .propertyType:
            let term = try Self.term(raw, mapping: mapping, builtIn: .propertyTypes)
            try set(field, .text(Self.checked(term, as: PropertyType.self, field: field)), raw: raw)
        case .livingArea, .lotArea:
            let unit = try recordUnit(mapping, field: field) ?? parsing.areaUnit(for: mapping, field: field.rawValue)
            let area = try AreaParser(convention: convention, defaultUnit: unit).parse(raw)
            set(field, .number((area.squareMetres * 100).rounded() / 100), raw: raw)
        case .bedrooms, .garageSpaces:
            let count = try CountParser(convention: convention, allowsFractions: false).parse(raw)
            set(field, .integer(Int(count)), raw: raw)
        case .rooms, .bathrooms:
            try set(field, .number(CountParser(convention: convention).parse(raw)), raw: raw)
        case .floor:
            // In North America the ground floor is the first floor.
            let groundFloor = parsing.country == .germany ? 0 : 1
            let floor = try mapping.ownTerm(for: raw).flatMap(Int.init) ?? FloorParser.parse(raw, groundFloorNumber: groundFloor)
            set(field, .integer(floor), raw: raw)
        case .region:
            break
        case .builtDate, .builtYear:
            let date = try DateParser(numericOrder: parsing.numericDateOrder(for: mapping)).parse(raw)
            set(.builtYear, .integer(date.year), raw: raw)
            if field == .builtDate, let month = date.month {
                set(.builtMonth, .integer(month), raw: raw)
            }
        case .builtMonth:
            try set(field, .integer(Self.month(raw)), raw: raw)
        case .priceDate, .listingDate, .saleDate:
            let date = try DateParser(numericOrder: parsing.numericDateOrder(for: mapping)).parse(raw)
            set(field, .integer(date.year * 10_000 + (date.month ?? 0) * 100 + (date.day ?? 0)), raw: raw)
        case .heating, .cooling:
            if let vocabulary = Self.builtInVocabulary(of: field) {
                try set(field, .text(Self.term(raw, mapping: mapping, builtIn: vocabulary)), raw: raw)
            }
        case .latitude, .longitude:
            let value = try NumberParser(convention: convention).parse(raw)
            let degrees = NSDecimalNumber(decimal: value).doubleValue
            let limit = field == .latitude ? 90.0 : 180.0
            guard abs(degrees) <= limit else {
                throw NormalizationError(
                    .impossibleValue,
                    reason: "a \(field == .latitude ? "latitude" : "longitude") lies within ±\(Int(limit))°",
                    field: field.rawValue,
                    input: raw
                )
            }
            set(field, .number(degrees), raw: raw)
        }
    }

    /// The unit the record states for an area at the mapping's `unitPath`, if any: a blank or
    /// a placeholder (`""`, `n/a`) states none, so the mapping's own unit applies, as for a CSV
    /// cell left empty.
    /// - Throws: ``NormalizationError/Code/unparseableField`` for a stated unit that is not one of area.
    private func recordUnit(_ mapping: FieldMapping, field: CanonicalField) throws -> AreaUnit? {
        guard let path = mapping.unitPath, let text = try fields.firstValue(at: [path]) else { return nil }
        guard let unit = AreaUnit(spelling: text) else {
            throw NormalizationError(
                .unparseableField, reason: "the record states '\(text)' at '\(path)', not a unit of area", field: field.rawValue,
                input: text)
        }
        return unit
    }

    /// Assembles the address and the price, and checks values against each other.
    mutating func finish(fetchedAt: Date) {
        assembleAddress()
        assemblePrice()
        if case .integer(let year) = values[CanonicalField.builtYear.rawValue]?.value,
            case let fetchYear = Self.utcCalendar.component(.year, from: fetchedAt),
            year > fetchYear + Self.newestBuiltYearAfterFetch
        {
            errors.append(
                NormalizationError(
                    .impossibleValue,
                    reason: "built in \(year), after the record was fetched in \(fetchYear)",
                    field: CanonicalField.builtYear.rawValue,
                    input: values[CanonicalField.builtYear.rawValue]?.raw
                )
            )
        }
    }

    private mutating func set(_ field: CanonicalField, _ value: CanonicalValue, raw: String) {
        values[field.rawValue] = FieldValue(value, raw: raw)
    }

    private mutating func assemblePrice() {
        guard let (raw, mapping) = priceAmount else { return }
        do {
            let currency = try priceCurrency.map { text throws(NormalizationError) in
                guard let code = CurrencyCode(rawValue: TextFolding.trimmingSpaces(text)) else {
                    throw NormalizationError(
                        .unparseableField,
                        reason: "not an ISO 4217 currency code",
                        field: CanonicalField.priceCurrency.rawValue,
                        input: text
                    )
                }
                return code
            }
            let amount = try MoneyParser(
                defaultCurrency: currency ?? parsing.currency,
                dollarSignCurrency: currency ?? (parsing.country == .canada ? .cad : .usd),
                convention: parsing.convention(for: mapping)
            ).parse(raw)
            values[CanonicalField.price.rawValue] = FieldValue(.money(amount.money), raw: raw)
        } catch let error as NormalizationError {
            errors.append(error)
        } catch let error as ParseError {
            errors.append(NormalizationError(error, field: CanonicalField.priceAmount.rawValue))
        } catch {
            errors.append(NormalizationError(.unparseableField, reason: "\(error)", field: CanonicalField.price.rawValue))
        }
    }

    private mutating func assembleAddress() {
        let parser = AddressParser(country: parsing.country)
        var parts: [CanonicalField: String] = [:]
        var rawParts: [CanonicalField: String] = [:]
        do throws(ParseError) {
            if let addressLine {
                let address = try parser.parse(addressLine)
                parts = address.canonicalFields
                rawParts = parts.mapValues { _ in addressLine }
                matchingKey = address.matchingKey
            } else if let street = addressParts[.street] {
                let address = try parser.parse(
                    AddressComponents(
                        street: street,
                        houseNumber: addressParts[.houseNumber],
                        unit: addressParts[.unit],
                        city: addressParts[.city],
                        subdivision: addressParts[.state],
                        postalCode: addressParts[.postalCode]
                    )
                )
                parts = address.canonicalFields
                rawParts = parts.mapValues { _ in street }.merging(addressParts) { _, own in own }
                matchingKey = address.matchingKey
            }
            for (field, raw) in addressParts where parts[field] == nil {
                parts[field] = try Self.addressPart(field, raw, country: parsing.country)
                rawParts[field] = raw
            }
        } catch {
            errors.append(NormalizationError(error, field: failedAddressField(error).rawValue))
            return
        }
        for (field, value) in parts {
            values[field.rawValue] = FieldValue(.text(value), raw: rawParts[field] ?? value)
        }
        if parts[.city] == nil {
            errors.append(
                NormalizationError(
                    .missingField,
                    reason: "every home needs a city; map address.city or give it a default",
                    field: CanonicalField.city.rawValue
                )
            )
        }
    }

    /// The field an address error is about: a one-line address's error is the address's; of
    /// an address mapped by its parts, a postal code or state that is not the country's is
    /// that part's, anything else the street's (the parts are read together from it).
    private func failedAddressField(_ error: ParseError) -> CanonicalField {
        guard addressLine == nil else { return .address }
        switch error.code {
        case .invalidPostalCode where addressParts[.postalCode] != nil: return .postalCode
        case .unknownSubdivision where addressParts[.state] != nil: return .state
        default: return .street
        }
    }

    /// One address part given without a street: a city, a state or a postal code.
    private static func addressPart(_ field: CanonicalField, _ raw: String, country: Country) throws(ParseError) -> String {
        let text = TextFolding.collapsingWhitespace(raw)
        switch field {
        case .state:
            guard let code = country.subdivisionCode(for: text) else {
                throw ParseError(.unknownSubdivision, reason: "'\(text)' is not a subdivision of \(country.rawValue)", input: raw)
            }
            return code
        case .postalCode:
            guard let code = PostalCode.normalized(text, country: country) else {
                throw ParseError(.invalidPostalCode, reason: "'\(text)' is not a postal code of \(country.rawValue)", input: raw)
            }
            return code
        default:
            return NameCasing.normalized(text.split(separator: " "))
        }
    }

    /// A postal code read as a number that lost its leading zeros (`1067` for Dresden's
    /// `01067`), padded to the length of a zero pattern format (`format: "00000"`); other
    /// text as it is.
    private static func zeroPadded(_ raw: String, format: String?) -> String {
        let text = TextFolding.trimmingSpaces(raw)
        guard let format, !format.isEmpty, format.allSatisfy({ $0 == "0" }), text.count < format.count,
            !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return raw }
        return String(repeating: "0", count: format.count - text.count) + text
    }

    /// A month as a number (`5`, `05`) or a name (`May`, `Mai`).
    private static func month(_ raw: String) throws(ParseError) -> Int {
        let text = TextFolding.collapsingWhitespace(raw)
        if let number = Int(text) {
            guard (1...12).contains(number) else {
                throw ParseError(.outOfRange, reason: "a month is 1 to 12", input: raw)
            }
            return number
        }
        guard let month = MonthNames.englishAndGerman.month(named: text) else {
            throw ParseError(.malformed, reason: "'\(text)' is not a month", input: raw)
        }
        return month
    }

    /// The built-in vocabulary of a system field (heating, cooling).
    private static func builtInVocabulary(of field: CanonicalField) -> Vocabulary? {
        switch field {
        case .heating: .heating
        case .cooling: .cooling
        default: nil
        }
    }

    /// Whether a text is a term of a system field's vocabulary (the mapping's own or the
    /// built-in one), such as `None` for cooling, which a placeholder check would drop.
    private static func namesTerm(_ text: String, field name: String, mapping: FieldMapping) -> Bool {
        guard let vocabulary = CanonicalField(rawValue: name).flatMap(builtInVocabulary(of:)) else { return false }
        return (try? term(text, mapping: mapping, builtIn: vocabulary)) != nil
    }

    /// The canonical term for a text: the mapping's own vocabulary first, then the built-in one.
    private static func term(_ raw: String, mapping: FieldMapping, builtIn: Vocabulary) throws(ParseError) -> String {
        if let term = mapping.ownTerm(for: raw) {
            return term
        }
        return try VocabularyParser(vocabulary: builtIn).parse(raw)
    }

    /// Checks that a configured term is one of an enumeration's cases.
    private static func checked<Kind: RawRepresentable<String> & CaseIterable>(
        _ term: String,
        as kind: Kind.Type,
        field: CanonicalField
    ) throws(NormalizationError) -> String {
        guard Kind(rawValue: term) != nil else {
            throw NormalizationError(
                .invalidMapping,
                reason: "'\(term)' is not one of " + Kind.allCases.map(\.rawValue).joined(separator: ", "),
                field: field.rawValue,
                input: term
            )
        }
        return term
    }
}
