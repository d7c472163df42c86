import Foundation

/// Turns a home index into a complete ``ScenarioHome``, reproducibly.
///
/// Region shares are 50 % US, 10 % Canada and 40 % Germany. North American homes walk through
/// a seeded permutation of the real rows of their region; once every row has been used, the
/// rows are reused with their areas and price jittered by up to ±10 % and the build year by up
/// to ±3, so a million homes still look like the real market. Each home draws from its own
/// stream, derived from the seed and its index.
///
/// Every home has an address of its own, as in a real market (the scenario's homes have no unit
/// to tell two homes at one address apart): a home whose drawn street address is already taken
/// draws another house number from its stream, from a wider range after every few tries. Without
/// this a 100,000-home scenario put 30 % of its homes at an address shared with another home,
/// often a jittered copy of the same real row, which no resolver (and no person) can tell apart.
struct HomeFactory: Sendable {
    private let seed: UInt64
    private let seedHomes: [ScenarioRegion: [SeedHome]]
    private var permutations: [ScenarioRegion: [Int]] = [:]
    private var used: [ScenarioRegion: Int] = [:]
    /// The street addresses given out so far (region, city, street, house number).
    private var takenAddresses: Set<[String]> = []

    init(seed: UInt64, seedHomes: [ScenarioRegion: [SeedHome]]) {
        self.seed = seed
        self.seedHomes = seedHomes
        var random = SplitMix64(seed: seed ^ 0x5EED)
        for region in ScenarioRegion.allCases {
            permutations[region] = Array((seedHomes[region] ?? []).indices).shuffled(using: &random)
        }
    }

    /// The home at `index`; call with consecutive indices starting at 0.
    mutating func home(at index: Int) -> ScenarioHome {
        var random = SplitMix64(seed: seed).derived(UInt64(index))
        var home = drawHome(at: index, random: &random)
        var attempt = 0
        while !takenAddresses.insert([home.region.rawValue, home.city, home.street, home.houseNumber]).inserted {
            home.houseNumber =
                home.region == .de ? germanHouseNumber(&random, attempt: attempt) : northAmericanHouseNumber(&random, attempt: attempt)
            attempt += 1
        }
        return home
    }

    /// The home at `index` as drawn from its stream, its address possibly taken.
    private mutating func drawHome(at index: Int, random: inout SplitMix64) -> ScenarioHome {
        let region = [ScenarioRegion.us, .ca, .de][random.weightedIndex([0.5, 0.1, 0.4])]
        let id = "home-\(String(index, radix: 10).leftPadded(to: 7))"
        if region == .de {
            let (seedHome, city) = GermanHomeSynthesizer.synthesize(random: &random)
            let postalCode = Int(random.next() % UInt64(city.postalCodes.count)) + city.postalCodes.lowerBound
            return makeHome(
                id: id, index: index, seedHome: seedHome, random: &random,
                street: random.pick(AddressBook.germanStreets),
                houseNumber: germanHouseNumber(&random, attempt: 0),
                city: city.name, state: city.state, postalCode: String(postalCode).leftPadded(to: 5))
        }
        guard let rows = seedHomes[region], let permutation = permutations[region], !rows.isEmpty else {
            preconditionFailure("seed homes of \(region) were validated by the generator")
        }
        let turn = used[region, default: 0]
        used[region] = turn + 1
        var seedHome = rows[permutation[turn % rows.count]]
        if turn >= rows.count { jitter(&seedHome, random: &random) }
        let houseNumber = northAmericanHouseNumber(&random, attempt: 0)
        switch seedHome.market {
        case .ames:
            return makeHome(
                id: id, index: index, seedHome: seedHome, random: &random,
                street: random.pick(AddressBook.amesStreets), houseNumber: houseNumber,
                city: AddressBook.ames.name, state: AddressBook.ames.state,
                postalCode: random.pick(AddressBook.ames.postalCodes))
        case .saratoga:
            let city = random.pick(AddressBook.saratogaCities)
            seedHome.latitude = city.latitude + random.uniform(-0.03...0.03)
            seedHome.longitude = city.longitude + random.uniform(-0.03...0.03)
            return makeHome(
                id: id, index: index, seedHome: seedHome, random: &random,
                street: random.pick(AddressBook.saratogaStreets), houseNumber: houseNumber,
                city: city.name, state: city.state, postalCode: city.postalCodes[0])
        case .windsor, .germany:
            let area = random.pick(AddressBook.windsor.postalCodes)
            return makeHome(
                id: id, index: index, seedHome: seedHome, random: &random,
                street: random.pick(AddressBook.windsorStreets), houseNumber: houseNumber,
                city: AddressBook.windsor.name, state: AddressBook.windsor.state,
                postalCode: AddressBook.canadianPostalCode(area: area, random: &random))
        }
    }

    private func makeHome(
        id: String, index: Int, seedHome: SeedHome, random: inout SplitMix64,
        street: String, houseNumber: String, city: String, state: String, postalCode: String
    ) -> ScenarioHome {
        ScenarioHome(
            id: id, index: index, region: seedHome.region, propertyType: seedHome.propertyType,
            street: street, houseNumber: houseNumber, city: city, state: state, postalCode: postalCode,
            latitude: seedHome.latitude, longitude: seedHome.longitude, price: seedHome.price,
            livingArea: seedHome.livingArea.map { ($0 * 10).rounded() / 10 },
            lotArea: seedHome.lotArea.map { $0.rounded() },
            rooms: seedHome.rooms, bedrooms: seedHome.bedrooms, bathrooms: seedHome.bathrooms,
            garageSpaces: seedHome.garageSpaces, builtYear: seedHome.builtYear,
            builtMonth: seedHome.builtYear == nil ? nil : 1 + Int(random.next() % 12),
            heating: seedHome.heating, cooling: seedHome.cooling)
    }

    /// A German house number: 1–180, one in ten with a letter; the range doubles every fourth
    /// `attempt` at an address of its own.
    private func germanHouseNumber(_ random: inout SplitMix64, attempt: Int) -> String {
        let number = String(1 + Int(random.next() % Self.widened(180, attempt: attempt)))
        return random.chance(0.1) ? number + random.pick(["a", "b", "c"]) : number
    }

    /// A North American house number: 100–4999; the range doubles every fourth `attempt` at an
    /// address of its own.
    private func northAmericanHouseNumber(_ random: inout SplitMix64, attempt: Int) -> String {
        String(100 + Int(random.next() % Self.widened(4_900, attempt: attempt)))
    }

    private static func widened(_ range: UInt64, attempt: Int) -> UInt64 {
        range << UInt64(min(attempt / 4, 16))
    }

    private func jitter(_ home: inout SeedHome, random: inout SplitMix64) {
        home.livingArea = home.livingArea.map { $0 * random.uniform(0.9...1.1) }
        home.lotArea = home.lotArea.map { $0 * random.uniform(0.9...1.1) }
        home.price = (home.price * random.uniform(0.9...1.1) / 100).rounded() * 100
        home.builtYear = home.builtYear.map { $0 + Int(random.next() % 7) - 3 }
    }
}
