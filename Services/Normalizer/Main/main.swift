import Pipeline
import PostgresWarehouse

// `homeprice-normalizer`: homes.raw -> homes.normalized (+ warehouse, SQLite or PostgreSQL),
// configured by configs/normalizer.yaml, configs/kafka.yaml and configs/sources/, until
// SIGTERM/SIGINT.
await ServiceMain.run(NormalizerProcess.self)
