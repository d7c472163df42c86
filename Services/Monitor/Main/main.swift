import MonitorServer
import Pipeline

// `homeprice-monitor`: homes.features + predictions + feedback against each region's champion
// -> drift, live accuracy, alerts and retrain commands; dashboard on HTTP; configured by
// configs/monitor.yaml, until SIGTERM/SIGINT.
await ServiceMain.run(MonitorService.self)
