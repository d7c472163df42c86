import Pipeline
import PreprocessorCore

// `homeprice-preprocessor`: homes.normalized -> homes.features, configured by
// configs/preprocessor.yaml, configs/pipeline.yaml (features.) and configs/kafka.yaml, until SIGTERM/SIGINT.
await ServiceMain.run(PreprocessorService.self)
