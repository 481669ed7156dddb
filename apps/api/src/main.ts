import 'reflect-metadata';
import cluster from 'node:cluster';
import { ConfigError, loadConfig, type AppConfig } from '@mes/platform';
import { createHttpApp } from './http-app';

const banner = (config: AppConfig, processes: string) =>
  `数智工厂 SaaS listening on http://127.0.0.1:${config.port} (${processes}web /, API /api, docs /api/docs)`;

async function serve(config: AppConfig): Promise<void> {
  const app = await createHttpApp();
  await app.listen(config.port, '0.0.0.0');
  if (cluster.isPrimary) console.log(banner(config, ''));
}

/**
 * API_WORKERS > 1: this process only supervises that many HTTP processes sharing the port
 * (node:cluster hands each new connection to one of them). All shared state lives in PostgreSQL or
 * Redis, so the processes are interchangeable. One that dies after it started is replaced; one that
 * never started (bad config, database down) stops them all rather than loop. SIGTERM / SIGINT is
 * passed on, each process shuts down gracefully, and the supervisor exits when the last one has.
 */
function supervise(config: AppConfig): void {
  let stopping = false;
  const started = new Set<number>();
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  const fork = () => {
    const worker = cluster.fork();
    worker.once('listening', () => {
      started.add(worker.id);
      if (started.size === config.apiWorkers)
        console.log(banner(config, `${config.apiWorkers} HTTP processes; `));
    });
  };
  cluster.on('exit', (worker, code, signal: string | null) => {
    const how = signal ? signal : `exit ${code}`;
    if (!stopping && !started.has(worker.id)) {
      console.error(`HTTP process ${worker.process.pid} failed to start (${how})`);
      process.exitCode = code || 1;
      stop('SIGTERM');
    } else if (!stopping) {
      console.error(`HTTP process ${worker.process.pid} exited (${how}); starting another`);
      fork();
    }
    if (stopping && Object.keys(cluster.workers ?? {}).length === 0) process.exit();
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  for (let i = 0; i < config.apiWorkers; i++) fork();
}

try {
  const config = loadConfig();
  if (config.apiWorkers > 1 && cluster.isPrimary) supervise(config);
  else
    serve(config).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
