import Foundation
import Synchronization

/// The main job's terminal view: narration lines, and below them a live panel (stages with
/// progress bars, models, experiment, accuracy) redrawn in place on a terminal; written out
/// every `plainEvery` refreshes when the output is a file or a pipe.
final class DemoView: Sendable {
    private struct State {
        var panelLines = 0
        var refreshes = 0
    }

    private let isTerminal = isatty(STDOUT_FILENO) == 1
    private let started = ContinuousClock.now
    private let state = Mutex(State())
    /// Without a terminal, the panel is printed once per this many refreshes.
    private let plainEvery: Int

    /// Creates the view; without a terminal the panel is printed every `plainEvery` refreshes.
    init(plainEvery: Int) {
        self.plainEvery = plainEvery
    }

    /// Prints one narration line with the time since the start.
    func narrate(_ text: String) {
        state.withLock { state in
            clearPanel(&state)
            write("[\(elapsed)] \(text)\n")
        }
    }

    /// Draws `panel` in place of the previous one (on a terminal), or every `plainEvery` calls.
    func draw(_ panel: [String], force: Bool = false) {
        state.withLock { state in
            state.refreshes += 1
            if isTerminal {
                clearPanel(&state)
                write(panel.joined(separator: "\n") + "\n")
                state.panelLines = panel.count
            } else if force || state.refreshes % plainEvery == 0 {
                write(panel.map { "  | " + $0 }.joined(separator: "\n") + "\n")
            }
        }
    }

    /// A bar of `width` cells filled to `fraction`.
    static func bar(_ fraction: Double, width: Int = 24) -> String {
        let cells = Int((min(max(fraction, 0), 1) * Double(width)).rounded())
        return String(repeating: "█", count: cells) + String(repeating: "░", count: width - cells)
    }

    private var elapsed: String {
        let seconds = Int((ContinuousClock.now - started).components.seconds)
        return String(format: "%02d:%02d", seconds / 60, seconds % 60)
    }

    private func clearPanel(_ state: inout State) {
        guard isTerminal, state.panelLines > 0 else { return }
        write("\u{1B}[\(state.panelLines)A\u{1B}[J")
        state.panelLines = 0
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
