import Foundation

/// The schema.org nodes of a page's JSON-LD blocks, as sites emit them: a block that is one
/// object, a top-level array of objects, or an object whose `@graph` holds the nodes (a
/// `WebPage`, a `BreadcrumbList`, the listing, the agent or `Organization`, …), in document order.
///
/// A listing node is read whole: values that only reference another node of the page
/// (`{"@id": "…#residence"}`) are replaced by that node, so a `RealEstateListing` whose
/// `mainEntity` points at a `SingleFamilyResidence` carries the residence's address and size.
struct JSONLDGraph {
    /// One node and where it came from.
    struct Node {
        /// The node's members.
        let object: [String: Any]
        /// The block's text when the node is the whole block (its payload as written).
        let blockText: String?
        /// The `@context` in force for the node (its own or its block's).
        let context: Any?
    }

    /// Types that structure a page rather than describe a listing; with no configured types,
    /// a node of only these types is never the listing (a breadcrumb is not a home).
    static let pageStructureTypes: Set<String> = [
        "WebPage", "WebSite", "CollectionPage", "SearchResultsPage", "ItemPage", "AboutPage", "ContactPage",
        "BreadcrumbList", "ListItem", "ItemList", "SiteNavigationElement", "WPHeader", "WPFooter", "WPSideBar",
        "SearchAction", "ReadAction", "EntryPoint", "ImageObject", "VideoObject", "Organization", "Corporation",
        "LocalBusiness", "RealEstateAgent", "Person", "ContactPoint", "Brand", "FAQPage", "Question", "Answer",
    ]

    /// The nodes, in document order.
    private(set) var nodes: [Node] = []
    private var nodesById: [String: [String: Any]] = [:]

    /// Reads every block; a block that is not JSON is skipped.
    init(blocks: [String]) {
        for block in blocks {
            let text = block.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { continue }
            if let object = json as? [String: Any], object["@graph"] == nil {
                add(object, blockText: text, context: object["@context"])
            } else {
                collect(json, context: (json as? [String: Any])?["@context"])
            }
        }
    }

    private mutating func collect(_ value: Any, context: Any?) {
        if let array = value as? [Any] {
            for element in array { collect(element, context: context) }
        } else if let object = value as? [String: Any] {
            let context = object["@context"] ?? context
            if let graph = object["@graph"] {
                collect(graph, context: context)
            } else {
                add(object, blockText: nil, context: context)
            }
        }
    }

    private mutating func add(_ object: [String: Any], blockText: String?, context: Any?) {
        nodes.append(Node(object: object, blockText: blockText, context: context))
        if let id = object["@id"] as? String, object.count > 1 { nodesById[id] = object }
    }

    /// The schema.org types of `object` without their vocabulary prefix (`schema:House`,
    /// `https://schema.org/House` → `House`).
    static func types(of object: [String: Any]) -> [String] {
        let declared = (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? (object["@type"] as? String).map { [$0] } ?? []
        return declared.map { type in
            String(type.split(whereSeparator: { $0 == "/" || $0 == ":" || $0 == "#" }).last ?? Substring(type))
        }
    }

    /// The first listing node: one of `types`, or with no types given, the first typed node
    /// that is not only page structure.
    func listing(types: [String]) -> Node? {
        nodes.first { node in
            let declared = Self.types(of: node.object)
            if types.isEmpty { return !declared.isEmpty && !declared.allSatisfy(Self.pageStructureTypes.contains) }
            return declared.contains(where: types.contains)
        }
    }

    /// `node` with every reference to another node of the page replaced by that node, and its
    /// block's `@context` when it has none; `nil` when nothing changes.
    func resolved(_ node: Node) -> [String: Any]? {
        var changed = false
        var object = embed(node.object, visiting: Set([node.object["@id"] as? String].compactMap { $0 }), changed: &changed)
        if object["@context"] == nil, let context = node.context {
            object["@context"] = context
            changed = true
        }
        return changed ? object : nil
    }

    private func embed(_ object: [String: Any], visiting: Set<String>, changed: inout Bool) -> [String: Any] {
        var result = object
        for (key, value) in object where key != "@id" {
            result[key] = embedValue(value, visiting: visiting, changed: &changed)
        }
        return result
    }

    private func embedValue(_ value: Any, visiting: Set<String>, changed: inout Bool) -> Any {
        if let array = value as? [Any] {
            return array.map { embedValue($0, visiting: visiting, changed: &changed) }
        }
        guard let object = value as? [String: Any] else { return value }
        if object.count == 1, let id = object["@id"] as? String, !visiting.contains(id), let target = nodesById[id] {
            changed = true
            return embed(target, visiting: visiting.union([id]), changed: &changed)
        }
        return embed(object, visiting: visiting, changed: &changed)
    }
}
