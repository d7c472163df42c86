import ArgumentParser
import NormalizerCore

/// `--warehouse sqlite|postgres`.
extension WarehouseKind: ExpressibleByArgument {}
