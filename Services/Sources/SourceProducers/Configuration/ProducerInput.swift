import Foundation

/// Where a generic producer reads its source.
public enum ProducerInput: Sendable, Equatable {
    /// A dataset file, or a folder into which files are dropped (read in name order, files whose
    /// name ends in `.part` skipped until renamed). With `watch`, the producer keeps looking
    /// for new or changed files; without, it reads what is there and stops.
    case path(URL, watch: Bool)
    /// A JSON feed over HTTP polled with a cursor (`?cursor=C&limit=N` answering
    /// `{"items":[…],"cursor":"…","hasMore":…}`). With `follow`, it polls on after catching up.
    case feed(URL, pageSize: Int, follow: Bool)
}
