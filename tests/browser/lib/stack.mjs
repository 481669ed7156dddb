// A throw-away stack for browser tests: fresh database → setup (migrate + seed) → API serving the
// built web on a free port, and the BullMQ worker (MRP runs are jobs) on a Redis prefix of its own.
// Everything is undone by `stop()`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Runs a command to completion, output to `logStream`; rejects on a non-zero exit. */
function runLogged(command, args, { cwd, env, logStream, label }) {
  return new Promise((resolveRun, reject) => {
    logStream.write(`\n$ ${label}\n`);
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(logStream, { end: false });
    child.stderr.pipe(logStream, { end: false });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolveRun();
      else reject(new Error(`${label} failed (exit ${code ?? signal})`));
    });
  });
}

function tail(file, lines = 40) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/**
 * @param {{ root: string, artifacts: string, log: (msg: string) => void }} options
 */
export async function startStack({ root, artifacts, log }) {
  const adminUrl = process.env.BROWSER_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `mes_browser_${randomBytes(5).toString('hex')}`;
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;
  const logFile = resolve(artifacts, 'server.log');
  const logStream = createWriteStream(logFile, { flags: 'w' });
  // A key prefix of this run: the worker takes only this stack's jobs (not those of a dev server).
  const childEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl.toString(),
    REDIS_PREFIX: `{mes-browser-${database.slice(-10)}}`,
  };
  let server = null;
  let worker = null;
  let databaseCreated = false;

  async function dropDatabase() {
    if (!databaseCreated) return;
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      log(`dropped database ${database}`);
    } catch (e) {
      log(`⚠ could not drop database ${database}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async function stopChild(child) {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  async function stopServer() {
    const children = [server, worker];
    server = null;
    worker = null;
    await Promise.all(children.map(stopChild));
  }

  async function stop() {
    await stopServer();
    await dropDatabase();
    logStream.end();
  }

  try {
    const mainJs = resolve(root, 'dist/api/apps/api/src/main.js');
    const webIndex = resolve(root, 'dist/web/index.html');
    if (!existsSync(mainJs) || !existsSync(webIndex)) {
      log('dist is missing: npm run build');
      await runLogged('npm', ['run', '--silent', 'build'], {
        cwd: root,
        env: process.env,
        logStream,
        label: 'npm run build',
      });
    }

    log(`database ${database}: node scripts/setup.mjs`);
    databaseCreated = true; // setup creates it; drop it whatever happens from here
    await runLogged(process.execPath, ['scripts/setup.mjs'], {
      cwd: root,
      env: childEnv,
      logStream,
      label: 'node scripts/setup.mjs',
    });

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    log(`API + web on ${baseUrl}, worker on Redis prefix ${childEnv.REDIS_PREFIX}`);
    const serveEnv = {
      ...childEnv,
      PORT: String(port),
      WEB_DIST_DIR: resolve(root, 'dist/web'),
      NODE_ENV: 'production',
      JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('hex'),
    };
    logStream.write(`\n$ node dist/api/apps/api/src/main.js (PORT=${port})\n`);
    server = spawn(process.execPath, [mainJs], {
      cwd: root,
      env: serveEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout.pipe(logStream, { end: false });
    server.stderr.pipe(logStream, { end: false });
    logStream.write(`\n$ node dist/api/apps/api/src/worker.js\n`);
    worker = spawn(process.execPath, [resolve(root, 'dist/api/apps/api/src/worker.js')], {
      cwd: root,
      env: serveEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout.pipe(logStream, { end: false });
    worker.stderr.pipe(logStream, { end: false });

    const deadline = Date.now() + 60_000;
    for (;;) {
      if (!server || server.exitCode !== null) {
        throw new Error(`the API exited during start-up (exit ${server?.exitCode}):\n${tail(logFile)}`);
      }
      if (!worker || worker.exitCode !== null) {
        throw new Error(`the worker exited during start-up (exit ${worker?.exitCode}):\n${tail(logFile)}`);
      }
      try {
        const res = await fetch(`${baseUrl}/api/health`);
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline)
        throw new Error(`GET /api/health did not answer 200 within 60 s:\n${tail(logFile)}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    return { baseUrl, database, logFile, stop };
  } catch (e) {
    await stop();
    if (e instanceof Error && !e.message.includes('\n')) e.message += `\n${tail(logFile)}`;
    throw e;
  }
}
