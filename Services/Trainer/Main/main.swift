import Pipeline
import TrainerCore

// `homeprice-trainer`: homes.features + feedback -> one validated model per region on
// models.registry, configured by configs/trainer.yaml, until SIGTERM/SIGINT.
await ServiceMain.run(TrainerService.self)
