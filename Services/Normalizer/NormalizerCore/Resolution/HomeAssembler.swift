import Foundation
import Schema

/// Builds the canonical ``Schema/Home`` of a cluster of records: every field chosen by the
/// merge policy, every source's value kept in the provenance, every disagreement recorded.
struct HomeAssembler: Sendable {
    let policy: MergePolicy
    let exchangeRates: ExchangeRates

    /// The home of one cluster.
    /// - Parameters:
    ///   - id: The cluster's stable home id.
    ///   - records: The cluster's records; not empty.
    ///   - normalizedAt: When this version is produced.
    func home(id: String, records: [MappedRecord], normalizedAt: Date) -> Home {
        // Each key built once, not in every comparison.
        let members = records.map { (key: $0.key, record: $0) }.sorted { $0.key < $1.key }.map(\.record)
        let standings = members.map(policy.standing(of:))
        let region = members.indices.max { standings[$0].trust < standings[$1].trust }.map { members[$0].region } ?? ""
        var home = Home(id: id, region: region, address: Address(city: "", country: region), normalizedAt: normalizedAt)
        var latitude: Double?
        var longitude: Double?
        // Each field's givers (members by position) and their values, in one pass over the
        // members' fields.
        var givings: [String: Giving] = [:]
        for (position, member) in members.enumerated() {
            for (name, value) in member.fields { givings[name, default: Giving()].add(value, from: position) }
        }
        for (name, giving) in givings.sorted(by: { $0.key < $1.key }) {
            let (givers, values) = (giving.givers, giving.values)
            let (chosen, conflict) = policy.choose(field: name, standings: givers.map { standings[$0] }, values: values)
            home.provenance[name] = givers.indices.map { position in
                let member = members[givers[position]]
                return ProvenanceEntry(
                    sourceId: member.sourceId,
                    recordId: member.recordId,
                    value: values[position].raw,
                    fetchedAt: member.fetchedAt,
                    chosen: position == chosen
                )
            }
            if name.hasPrefix(MappedRecord.unmappedPrefix) { continue }
            if let conflict { home.conflicts.append(conflict) }
            let value = values[chosen].value
            if name.hasPrefix(CanonicalField.extraPrefix) {
                home.extra[String(name.dropFirst(CanonicalField.extraPrefix.count))] = value.text
                continue
            }
            switch CanonicalField(rawValue: name) {
            case .latitude: latitude = value.number
            case .longitude: longitude = value.number
            case let field?: Self.set(field, value, on: &home)
            case nil: continue
            }
        }
        if let latitude, let longitude {
            home.coordinates = Coordinates(latitude: latitude, longitude: longitude)
        }
        home.priceInUSD = home.price.flatMap(priceInUSD)
        home.priceHistory = Self.priceHistory(of: members)
        // The dates follow the history, not the merge rule: the last sale and the newest listing.
        home.saleDate = home.lastSale?.date ?? home.saleDate
        home.listingDate = home.priceHistory?.last { $0.kind == .asking }?.date ?? home.listingDate
        return home
    }

    /// The members giving one field: their positions and values, in member order.
    private struct Giving {
        var givers: [Int] = []
        var values: [FieldValue] = []

        mutating func add(_ value: FieldValue, from position: Int) {
            givers.append(position)
            values.append(value)
        }
    }

    /// Every price the records report, oldest first (by the day it applies from, else the UTC
    /// day it was fetched, then source and record: the order does not depend on which of two
    /// records fetched the same day came first), one event per distinct kind, amount and date.
    /// On one day, an event without a date of its own comes before a dated one: it happened at
    /// some unknown time up to the day it was fetched, the dated one on that day.
    private static func priceHistory(of records: [MappedRecord]) -> [PriceEvent]? {
        var events: [PriceEvent] = []
        for record in records {
            guard case .money(let price) = record[CanonicalField.price.rawValue] else { continue }
            let kind = record[CanonicalField.priceKind.rawValue].flatMap { PriceKind(rawValue: $0.text) } ?? .asking
            let event = PriceEvent(
                kind: kind, price: price, date: record.priceDate.map(isoDate), sourceId: record.sourceId, recordId: record.recordId,
                fetchedAt: record.fetchedAt)
            if !events.contains(where: { $0.kind == event.kind && $0.price == event.price && $0.date == event.date }) {
                events.append(event)
            }
        }
        guard !events.isEmpty else { return nil }
        return events.map {
            (day: $0.effectiveDate.daysSince1970, dated: $0.date == nil ? 0 : 1, event: $0)
        }
        .sorted {
            ($0.day, $0.dated, $0.event.sourceId, $0.event.recordId) < ($1.day, $1.dated, $1.event.sourceId, $1.event.recordId)
        }
        .map(\.event)
    }

    /// `yyyymmdd` (0 for an unknown month or day) as ISO 8601: `2019-06-14`, `2019-06`, `2019`.
    static func isoDate(_ date: Int) -> String {
        let year = date / 10_000
        let month = date / 100 % 100
        let day = date % 100
        guard month > 0 else { return String(format: "%04d", year) }
        guard day > 0 else { return String(format: "%04d-%02d", year, month) }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    private func priceInUSD(_ price: Money) -> Double? {
        // Dollars are dollars: no detour through `Decimal`.
        guard price.currency != CurrencyCode.usd.rawValue else { return price.amount }
        guard let currency = CurrencyCode(rawValue: price.currency) else { return nil }
        let amount = MonetaryAmount(amount: Decimal(price.amount), currency: currency)
        return try? amount.converted(to: .usd, using: exchangeRates).money.amount
    }

    private static func set(_ field: CanonicalField, _ value: CanonicalValue, on home: inout Home) {
        switch field {
        case .street: home.address.street = value.text
        case .houseNumber: home.address.houseNumber = value.text
        case .unit: home.address.unit = value.text
        case .city: home.address.city = value.text
        case .state: home.address.state = value.text
        case .postalCode: home.address.postalCode = value.text
        case .price: if case .money(let money) = value { home.price = money }
        case .priceKind: home.priceKind = PriceKind(rawValue: value.text)
        case .propertyType: home.propertyType = PropertyType(rawValue: value.text)
        case .livingArea: home.livingArea = value.number
        case .lotArea: home.lotArea = value.number
        case .rooms: home.rooms = value.number
        case .bedrooms: home.bedrooms = value.integer
        case .bathrooms: home.bathrooms = value.number
        case .garageSpaces: home.garageSpaces = value.integer
        case .floor: home.floor = value.integer
        case .listingDate: home.listingDate = value.integer.map(Self.isoDate)
        case .saleDate: home.saleDate = value.integer.map(Self.isoDate)
        case .builtYear: home.builtYear = value.integer
        case .builtMonth: home.builtMonth = value.integer
        case .heating: home.heating = value.text
        case .cooling: home.cooling = value.text
        case .address, .priceAmount, .priceCurrency, .builtDate, .latitude, .longitude, .priceDate, .region: break
        }
    }
}
