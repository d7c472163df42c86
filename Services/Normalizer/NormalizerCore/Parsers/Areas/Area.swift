import Foundation

/// An area, held in square metres.
public struct Area: Sendable, Equatable, Hashable, Codable, Comparable {
    /// The area in square metres.
    public var squareMetres: Double

    /// Creates an area from square metres.
    public init(squareMetres: Double) {
        self.squareMetres = squareMetres
    }

    /// Creates an area from a value in any unit.
    public init(_ value: Double, _ unit: AreaUnit) {
        self.init(squareMetres: value * unit.squareMetres)
    }

    /// The area expressed in the given unit.
    public func value(in unit: AreaUnit) -> Double {
        squareMetres / unit.squareMetres
    }

    public static func < (lhs: Area, rhs: Area) -> Bool {
        lhs.squareMetres < rhs.squareMetres
    }
}
