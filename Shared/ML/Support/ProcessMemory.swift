import Foundation

/// The process's memory as Linux reports it in `/proc/self/status`, for benchmarks.
public enum ProcessMemory {
    /// The resident memory now (`VmRSS`), in MiB; NaN where /proc is not available.
    public static var residentMiB: Double { mebibytes("VmRSS") }

    /// The peak resident memory (`VmHWM`), in MiB; NaN where /proc is not available.
    public static var peakResidentMiB: Double { mebibytes("VmHWM") }

    private static func mebibytes(_ field: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("\(field):") }),
            let kib = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return .nan }
        return kib / 1024
    }
}
