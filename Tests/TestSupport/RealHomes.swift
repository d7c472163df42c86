import Features
import Foundation
import Schema

/// The real house sales of the shared data folder (``Features/RealSales``) as canonical homes,
/// so trainer and feature tests learn from data no HomePrice code generated.
public enum RealHomes {
    /// The shared data folder beside the project.
    public static var dataDirectory: URL {
        TestProject.layout.root.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    /// The Ames sales as US homes (areas converted from square feet).
    public static func ames(limit: Int? = nil) throws -> [Home] {
        try RealSales.ames(file: dataDirectory.appendingPathComponent("ames.csv"), limit: limit)
    }

    /// The Windsor sales (1987) as Canadian homes; they have no living area or build year.
    public static func windsor(limit: Int? = nil) throws -> [Home] {
        try RealSales.windsor(file: dataDirectory.appendingPathComponent("windsor.csv"), limit: limit)
    }
}
