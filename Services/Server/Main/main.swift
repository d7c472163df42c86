import NIOCore
import NIOPosix
import Pipeline
import ServerCore

// `homeprice-server`: the model server (HTTP API + predictions.requests -> predictions),
// configured by configs/server.yaml, until SIGTERM/SIGINT.
//
// The NIO event loops (one per core) run every task too, before any task starts: a request
// is read, handled and answered on its connection's loop, without hopping to another thread
// pool and back. Blocking work stays on `BlockingExecutor` threads, as everywhere.
_ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
await ServiceMain.run(ServerService.self)
