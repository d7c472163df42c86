/// Per-prediction feature contributions by path-dependent TreeSHAP (Lundberg et al., 2018).
///
/// For each row, `baseValue + contributions.sum()` equals the model's raw
/// prediction. Node covers are the training rows that reached each node, so
/// missing values and categorical splits need no special handling: the row's
/// own branch is the "hot" one.
public struct TreeSHAP: Sendable {
    private struct PathElement {
        var feature: Int
        var zeroFraction: Double
        var oneFraction: Double
        var weight: Double
    }

    private let trees: [Tree]
    private let levelCounts: [Int]
    /// The expected raw prediction over the training rows.
    public let baseValue: Double

    /// Prepares explanations for a model.
    public init(_ model: GBMModel) {
        trees = model.trees
        levelCounts = model.features.map(\.levels.count)
        var base = model.initScore
        for tree in model.trees {
            let total = tree.leafCount.reduce(0, +)
            if total > 0 { base += zip(tree.leafValue, tree.leafCount).reduce(0) { $0 + $1.0 * $1.1 } / total }
        }
        baseValue = base
    }

    /// The contribution of each feature to the raw prediction of `row`.
    public func contributions(_ row: [Double]) throws(MLError) -> [Double] {
        guard row.count == levelCounts.count else {
            throw MLError(.featureCountMismatch, "row has \(row.count) values, the model expects \(levelCounts.count)")
        }
        var phi = [Double](repeating: 0, count: row.count)
        for tree in trees where tree.internalNodeCount > 0 {
            recurse(tree, reference: 0, row: row, path: [], depth: 0, zero: 1, one: 1, feature: -1, phi: &phi)
        }
        return phi
    }

    private func cover(_ tree: Tree, _ reference: Int32) -> Double {
        reference < 0 ? tree.leafCount[Int(~reference)] : tree.internalCount[Int(reference)]
    }

    private func recurse(
        _ tree: Tree, reference: Int32, row: [Double], path parentPath: [PathElement], depth: Int,
        zero: Double, one: Double, feature: Int, phi: inout [Double]
    ) {
        var path = parentPath
        var depth = depth
        extend(&path, depth: depth, zero: zero, one: one, feature: feature)
        if reference < 0 {
            let value = tree.leafValue[Int(~reference)]
            if depth > 0 {
                for i in 1...depth {
                    let w = unwoundSum(path, depth: depth, index: i)
                    phi[path[i].feature] += w * (path[i].oneFraction - path[i].zeroFraction) * value
                }
            }
            return
        }
        let node = Int(reference)
        let split = Int(tree.splitFeature[node])
        let left = tree.goesLeft(node: node, value: row[split], levelCount: levelCounts[split])
        let hot = left ? tree.leftChild[node] : tree.rightChild[node]
        let cold = left ? tree.rightChild[node] : tree.leftChild[node]
        let nodeCover = cover(tree, reference)
        var incomingZero = 1.0, incomingOne = 1.0
        if depth > 0, let k = (1...depth).first(where: { path[$0].feature == split }) {
            incomingZero = path[k].zeroFraction
            incomingOne = path[k].oneFraction
            unwind(&path, depth: depth, index: k)
            depth -= 1
        }
        recurse(
            tree, reference: hot, row: row, path: path, depth: depth + 1,
            zero: cover(tree, hot) / nodeCover * incomingZero, one: incomingOne, feature: split, phi: &phi)
        recurse(
            tree, reference: cold, row: row, path: path, depth: depth + 1,
            zero: cover(tree, cold) / nodeCover * incomingZero, one: 0, feature: split, phi: &phi)
    }

    private func extend(_ path: inout [PathElement], depth: Int, zero: Double, one: Double, feature: Int) {
        let element = PathElement(feature: feature, zeroFraction: zero, oneFraction: one, weight: depth == 0 ? 1 : 0)
        if path.count > depth { path[depth] = element } else { path.append(element) }
        var i = depth - 1
        while i >= 0 {
            path[i + 1].weight += one * path[i].weight * Double(i + 1) / Double(depth + 1)
            path[i].weight = zero * path[i].weight * Double(depth - i) / Double(depth + 1)
            i -= 1
        }
    }

    private func unwind(_ path: inout [PathElement], depth: Int, index: Int) {
        let one = path[index].oneFraction, zero = path[index].zeroFraction
        var next = path[depth].weight
        var i = depth - 1
        while i >= 0 {
            if one != 0 {
                let saved = path[i].weight
                path[i].weight = next * Double(depth + 1) / (Double(i + 1) * one)
                next = saved - path[i].weight * zero * Double(depth - i) / Double(depth + 1)
            } else {
                path[i].weight = path[i].weight * Double(depth + 1) / (zero * Double(depth - i))
            }
            i -= 1
        }
        for j in index..<depth {
            path[j].feature = path[j + 1].feature
            path[j].zeroFraction = path[j + 1].zeroFraction
            path[j].oneFraction = path[j + 1].oneFraction
        }
    }

    private func unwoundSum(_ path: [PathElement], depth: Int, index: Int) -> Double {
        let one = path[index].oneFraction, zero = path[index].zeroFraction
        var next = path[depth].weight
        var total = 0.0
        var i = depth - 1
        while i >= 0 {
            if one != 0 {
                let w = next * Double(depth + 1) / (Double(i + 1) * one)
                total += w
                next = path[i].weight - w * zero * Double(depth - i) / Double(depth + 1)
            } else {
                total += path[i].weight / zero / (Double(depth - i) / Double(depth + 1))
            }
            i -= 1
        }
        return total
    }
}
