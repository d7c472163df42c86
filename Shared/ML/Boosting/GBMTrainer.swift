/// Trains gradient-boosted trees (the training loop around ``TreeLearner``).
public enum GBMTrainer {
    /// Trains a model.
    ///
    /// - Parameters:
    ///   - train: training rows with a finite target.
    ///   - valid: optional validation rows (same features) for metrics and early stopping.
    ///   - config: hyperparameters.
    ///   - checkpoint: resume from this state instead of starting over.
    ///   - onEpoch: called every `config.epochRounds` rounds and after the last round;
    ///     returning ``TrainingControl/stop`` ends training after that round.
    public static func train(
        train: Dataset, valid: Dataset? = nil, config: GBMConfig, resumingFrom checkpoint: Checkpoint? = nil,
        onEpoch: ((TrainingEpoch) throws(MLError) -> TrainingControl)? = nil
    ) throws(MLError) -> TrainingResult {
        try config.validate()
        let loss = try config.lossFunction()
        guard train.featureCount > 0 else { throw MLError(.noFeatures, "the training data has no features") }
        let target = try train.validatedTarget()
        var validTarget: [Double] = []
        if let valid {
            guard valid.features == train.features else {
                throw MLError(.featureCountMismatch, "validation features differ from training features")
            }
            validTarget = try valid.validatedTarget()
        }
        let monotone = try monotoneDirections(config, features: train.features)
        let n = train.rowCount, d = train.featureCount

        if let checkpoint {
            guard checkpoint.trainingRows == n, checkpoint.model.features == train.features,
                checkpoint.model.config == config
            else {
                throw MLError(.checkpointMismatch, "the checkpoint was made with other data or settings")
            }
        }
        let mappers =
            checkpoint?.model.mappers
            ?? BinnedDataset.learnMappers(
                train, maxBins: config.maxBins, minDataInBin: config.minDataInBin,
                sampleRows: config.binSampleRows, seed: config.seed)
        let binned = try BinnedDataset(train, mappers: mappers)
        let levelCounts = train.features.map(\.levels.count)
        let initScore = checkpoint?.model.initScore ?? loss.initialScore(target)
        var trees = checkpoint?.model.trees ?? []
        var validHistory = checkpoint?.validHistory ?? []
        var score = [Double](repeating: initScore, count: n)
        var validScore = [Double](repeating: initScore, count: valid?.rowCount ?? 0)
        for tree in trees {
            addBinned(TreeBinning(tree, mappers: mappers), to: &score, binned: binned, rows: nil)
            if let valid { addRaw(tree, to: &validScore, data: valid, levelCounts: levelCounts) }
        }

        let learner = TreeLearner(data: binned, config: config, monotone: monotone)
        var gradient = [Double](repeating: 0, count: n)
        var round = trees.count
        var bestRound = bestRoundSoFar(validHistory, config: config, rounds: round)
        var stopped = false
        while round < config.rounds && !stopped {
            computeGradients(loss, target: target, score: score, into: &gradient)
            let bag =
                config.baggingFrequency > 0 && config.baggingFraction < 1
                ? BagSampler(
                    seed: config.seed ^ 0xA076_1D64_78BD_642F, round: round - round % config.baggingFrequency,
                    rows: n, fraction: config.baggingFraction)
                : nil
            let features = treeFeatures(count: d, round: round, config: config)
            let nodeSeed = config.seed &+ UInt64(round) &* 0x2545_F491_4F6C_DD1D
            var grown = gradient.withUnsafeBufferPointer { g in
                learner.grow(gradients: g.baseAddress!, bag: bag, features: features, nodeSeed: nodeSeed)
            }
            finishLeaves(&grown, loss: loss, target: target, score: score, learner: learner, rate: config.learningRate)
            // Scores: in-bag rows by their leaf's rows, out-of-bag rows by walking the tree on their bins.
            score.withUnsafeMutableBufferPointer { s in
                learner.addLeafValues(grown.tree.leafValue, leaves: grown.leaves, to: s.baseAddress!)
            }
            if grown.bagCount < n {
                addBinned(
                    TreeBinning(grown.tree, leftBins: grown.leftBins), to: &score, binned: binned,
                    rows: learner.outOfBagRows(bagCount: grown.bagCount))
            }
            trees.append(grown.tree)
            round += 1
            if let valid {
                addRaw(grown.tree, to: &validScore, data: valid, levelCounts: levelCounts)
                validHistory.append(loss.metric(target: validTarget, prediction: validScore))
                bestRound = bestRoundSoFar(validHistory, config: config, rounds: round)
                if config.earlyStoppingRounds > 0 && round - bestRound >= config.earlyStoppingRounds { stopped = true }
            }
            if let onEpoch, round % config.epochRounds == 0 || round == config.rounds || stopped {
                let model = GBMModel(
                    features: train.features, mappers: mappers, config: config,
                    initScore: initScore, trees: trees)
                let epoch = TrainingEpoch(
                    round: round, trainMetric: loss.metric(target: target, prediction: score),
                    validMetric: validHistory.last, metricName: loss.metricName,
                    checkpoint: Checkpoint(
                        model: model, completedRounds: round, validHistory: validHistory,
                        trainingRows: n))
                if try onEpoch(epoch) == .stop { stopped = true }
            }
        }
        let kept = config.earlyStoppingRounds > 0 && valid != nil ? bestRound : trees.count
        var trainScore = score
        if kept < trees.count {
            trainScore = [Double](repeating: initScore, count: n)
            for tree in trees[0..<kept] { addBinned(TreeBinning(tree, mappers: mappers), to: &trainScore, binned: binned, rows: nil) }
        }
        let model = GBMModel(
            features: train.features, mappers: mappers, config: config, initScore: initScore,
            trees: Array(trees[0..<kept]))
        return TrainingResult(
            model: model, roundsRun: trees.count, bestRound: kept,
            trainMetric: loss.metric(target: target, prediction: trainScore),
            validHistory: validHistory)
    }

    /// Per-feature monotone direction from the configuration's feature names.
    static func monotoneDirections(_ config: GBMConfig, features: [FeatureInfo]) throws(MLError) -> [Int] {
        var directions = [Int](repeating: 0, count: features.count)
        for (name, direction) in config.monotoneConstraints.sorted(by: { $0.key < $1.key }) {
            guard let f = features.firstIndex(where: { $0.name == name }) else {
                throw MLError(.invalidConfiguration, "monotone constraint on an unknown feature", input: .init(column: name))
            }
            guard features[f].kind == .numeric || direction == 0 else {
                throw MLError(
                    .invalidConfiguration, "monotone constraints apply to numeric features only",
                    input: .init(column: name, feature: f))
            }
            directions[f] = direction
        }
        return directions
    }

    /// The 1-based round with the lowest validation metric (the earliest on ties), or `rounds` without history.
    private static func bestRoundSoFar(_ history: [Double], config: GBMConfig, rounds: Int) -> Int {
        guard !history.isEmpty else { return rounds }
        var best = 0
        for (i, value) in history.enumerated() where value < history[best] { best = i }
        return best + 1
    }

    private static func computeGradients(_ loss: Loss, target: [Double], score: [Double], into gradient: inout [Double]) {
        target.withUnsafeBufferPointer { t in
            score.withUnsafeBufferPointer { s in
                gradient.withUnsafeMutableBufferPointer { g in
                    let tp = SendablePointer(readOnly: t.baseAddress!), sp = SendablePointer(readOnly: s.baseAddress!)
                    let gp = SendablePointer(g)
                    Parallel.forEachChunk(count: t.count, chunkSize: 131_072) { _, range in
                        loss.gradients(target: tp.base, score: sp.base, gradient: gp.base, range: range)
                    }
                }
            }
        }
    }

    /// The features one tree may use, sorted.
    private static func treeFeatures(count d: Int, round: Int, config: GBMConfig) -> [Int] {
        guard config.featureFraction < 1 else { return Array(0..<d) }
        let k = max(1, Int((config.featureFraction * Double(d)).rounded()))
        var generator = SplitMix64(seed: config.seed ^ 0xE703_7ED1_A0B4_28DB, skipping: UInt64(round) &* 64)
        var pool = Array(0..<d)
        for i in 0..<k {
            let j = i + Int(generator.next() % UInt64(d - i))
            pool.swapAt(i, j)
        }
        return pool[0..<k].sorted()
    }

    /// Sets leaf values: the split's Newton step (or, for the quantile loss, the residual quantile), times the learning rate.
    private static func finishLeaves(
        _ grown: inout TreeLearner.Grown, loss: Loss, target: [Double], score: [Double],
        learner: TreeLearner, rate: Double
    ) {
        grown.tree.leafValue = grown.leaves.map { leaf in
            var value = leaf.output
            if loss.renewsLeaves {
                let residuals = learner.rows(of: leaf).map { target[$0] - score[$0] }
                value = min(leaf.upper, max(leaf.lower, loss.renewedLeaf(residuals: residuals)))
            }
            return value * rate
        }
        grown.tree.leafCount = grown.leaves.map { Double($0.count) }
    }

    /// Adds a tree's values to `score` for all rows (or the given rows), walking it on bins.
    private static func addBinned(_ tree: TreeBinning, to score: inout [Double], binned: BinnedDataset, rows: [UInt32]?) {
        let d = binned.featureCount
        let values = tree.tree.leafValue
        binned.bins.withUnsafeBufferPointer { bins in
            score.withUnsafeMutableBufferPointer { s in
                let b = SendablePointer(readOnly: bins.baseAddress!), sp = SendablePointer(s)
                let count = rows?.count ?? binned.rowCount
                Parallel.forEachChunk(count: count, chunkSize: 65_536) { _, range in
                    for i in range {
                        let r = rows.map { Int($0[i]) } ?? i
                        sp[r] += values[tree.leaf(row: b.base + r * d)]
                    }
                }
            }
        }
    }

    /// Adds a tree's values to `score`, walking it on raw values.
    private static func addRaw(_ tree: Tree, to score: inout [Double], data: Dataset, levelCounts: [Int]) {
        let n = data.rowCount
        data.values.withUnsafeBufferPointer { values in
            for r in 0..<n {
                score[r] += tree.leafValue[tree.leaf(levelCounts: levelCounts) { values[$0 * n + r] }]
            }
        }
    }
}
