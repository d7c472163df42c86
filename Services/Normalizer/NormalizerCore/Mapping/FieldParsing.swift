import Foundation
import Schema

/// The parsers of one source's fields, set up from the source's region, currency, locale and
/// each field's mapping.
struct FieldParsing: Sendable {
    /// The source's country.
    let country: Country
    /// The source's currency for prices that name none.
    let currency: CurrencyCode
    /// The source's number convention (from its locale, else its country).
    let convention: NumberConvention

    /// Sets up parsing for a source.
    /// - Throws: ``NormalizationError/Code/unsupportedRegion`` or
    ///   ``NormalizationError/Code/invalidMapping`` for a currency that is not an ISO code.
    init(region: String, descriptor: SourceDescriptor) throws(NormalizationError) {
        guard let country = Country(rawValue: region.uppercased()) else {
            throw NormalizationError(
                .unsupportedRegion,
                reason: "no parsers for region '\(region)'; supported: "
                    + Country.allCases.map(\.rawValue).joined(separator: ", "),
                input: region
            )
        }
        guard let currency = CurrencyCode(rawValue: descriptor.currency) else {
            throw NormalizationError(
                .invalidMapping,
                reason: "the source currency is not an ISO 4217 code",
                input: descriptor.currency
            )
        }
        self.country = country
        // A record of another country than the source's (one site, several countries) is read
        // by that country's currency and number convention.
        let isSourceCountry = country.rawValue == descriptor.region.uppercased()
        self.currency = isSourceCountry ? currency : country.defaultCurrency
        convention = (isSourceCountry ? Self.convention(language: descriptor.locale) : nil) ?? country.numberConvention
    }

    /// The number convention of one field: its number format (`#.##0,00`), else its language,
    /// else the source's.
    func convention(for mapping: FieldMapping) -> NumberConvention {
        if let format = mapping.format, let comma = format.lastIndex(of: ","), let point = format.lastIndex(of: ".") {
            return comma > point ? .decimalComma : .decimalPoint
        }
        return Self.convention(language: mapping.language) ?? convention
    }

    /// The order of day and month in an all-numeric date: from the field's date format
    /// (`dd.MM.yyyy`, `MM/dd/yyyy`), else the country's.
    func numericDateOrder(for mapping: FieldMapping) -> NumericDateOrder? {
        if let format = mapping.format, let day = format.firstIndex(of: "d"), let month = format.firstIndex(of: "M") {
            return day < month ? .dayFirst : .monthFirst
        }
        return country.numericDateOrder
    }

    /// The unit of a bare area number: the mapping's unit, else the country's.
    /// - Throws: ``NormalizationError/Code/invalidMapping`` for a unit that is not one of area.
    func areaUnit(for mapping: FieldMapping, field: String) throws(NormalizationError) -> AreaUnit {
        guard let name = mapping.unit else { return country.defaultAreaUnit }
        guard let unit = AreaUnit(spelling: name) else {
            throw NormalizationError(.invalidMapping, reason: "'\(name)' is not a unit of area", field: field, input: name)
        }
        return unit
    }

    /// `de` and `de-DE` write decimal commas; `en-US` decimal points; other languages say nothing.
    private static func convention(language: String?) -> NumberConvention? {
        guard let language = language?.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first else {
            return nil
        }
        switch language {
        case "de", "fr", "es", "it", "nl", "pt": return .decimalComma
        case "en": return .decimalPoint
        default: return nil
        }
    }
}
