import NormalizerCore
import Pipeline

// `homeprice-normalizer`: homes.raw -> homes.normalized (+ warehouse), configured by
// configs/normalizer.yaml, configs/kafka.yaml and configs/sources/, until SIGTERM/SIGINT.
await ServiceMain.run(NormalizerService.self)
