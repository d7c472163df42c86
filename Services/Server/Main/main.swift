import Pipeline
import ServerCore

// `homeprice-server`: the model server (HTTP API + predictions.requests -> predictions),
// configured by configs/server.yaml, until SIGTERM/SIGINT.
await ServiceMain.run(ServerService.self)
