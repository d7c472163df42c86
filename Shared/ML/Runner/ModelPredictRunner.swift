/// The library side of `homeprice model predict`: one prediction per CSV row.
public enum ModelPredictRunner {
    /// Loads the model, reads the CSV with the model's feature descriptions and predicts every row.
    ///
    /// Columns the model does not use are ignored; a missing model column is an
    /// error; a categorical level the model has not seen is treated as missing.
    public static func run(modelPath: String, csvPath: String) throws(MLError) -> [PricePrediction] {
        let model = try ModelFile.readModel(from: modelPath)
        let table = try CSVTable.read(path: csvPath)
        let data = try TableEncoder.encode(table, features: model.features, options: model.table)
        return try model.predict(data)
    }

    /// Like ``run(modelPath:csvPath:)``, with each row's `top` largest TreeSHAP contributions.
    public static func explain(modelPath: String, csvPath: String, top: Int) throws(MLError) -> [PredictionExplanation] {
        let model = try ModelFile.readModel(from: modelPath)
        let table = try CSVTable.read(path: csvPath)
        let data = try TableEncoder.encode(table, features: model.features, options: model.table)
        return try model.explain(data, top: top)
    }
}
