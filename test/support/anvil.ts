/**
 * Starts a real anvil node: the binary shipped in the npm package @foundry-rs/anvil (which
 * pulls in a platform package @foundry-rs/anvil-<os>-<arch> holding bin/anvil), listening
 * on 127.0.0.1 on a port the OS picks (--port 0), which anvil reports on stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface AnvilOptions {
  chainId: number;
  /** Seconds between blocks (interval mining); by default every transaction mines a block. */
  blockTime?: number;
  /** Keep the state of only this many recent blocks, like a full (non-archive) node (--prune-history N). */
  pruneHistory?: number;
}

export interface AnvilNode {
  url: string;
  port: number;
  chainId: number;
  /** Graceful stop (SIGTERM, SIGKILL after 5 s); resolves once the process is gone. */
  stop(): Promise<void>;
  /** SIGKILL at once: simulates an RPC dying mid-request. */
  kill(): void;
}

const STARTUP_TIMEOUT_MS = 20_000;
const require = createRequire(import.meta.url);

/** Same platform table as @foundry-rs/anvil's const.mjs (BINARY_DISTRIBUTION_PACKAGES). */
const PLATFORM_PACKAGES: Record<string, Record<string, string>> = {
  darwin: { x64: 'darwin-amd64', arm64: 'darwin-arm64' },
  linux: { x64: 'linux-amd64', arm64: 'linux-arm64' },
  win32: { x64: 'win32-amd64' },
};

export function anvilBinary(): string {
  const binaryName = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  const suffix = PLATFORM_PACKAGES[process.platform]?.[process.arch];
  if (!suffix) throw new Error(`@foundry-rs/anvil ships no binary for ${process.platform}/${process.arch}`);
  const platformPackage = `@foundry-rs/anvil-${suffix}/package.json`;
  // The platform package is an optional dependency of @foundry-rs/anvil, so resolve it from
  // there first (it may be nested under it); its postinstall downloads into its own directory
  // when the optional dependency could not be installed.
  const wrapperDir = path.dirname(require.resolve('@foundry-rs/anvil/package.json'));
  const candidates: string[] = [];
  for (const from of [createRequire(path.join(wrapperDir, 'package.json')), require]) {
    try {
      candidates.push(path.join(path.dirname(from.resolve(platformPackage)), 'bin', binaryName));
    } catch {
      // not installed on this path
    }
  }
  candidates.push(path.join(wrapperDir, binaryName));
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`anvil binary not found; looked at:\n${candidates.join('\n')}`);
  return found;
}

/**
 * One helper process per test process that SIGKILLs our anvil nodes when its stdin closes,
 * i.e. when this process is gone for any reason, including SIGKILL from the test runner,
 * which no 'exit' handler sees.
 */
const REAPER_SOURCE = `
const pids = new Set(); let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffered += chunk;
  for (let i = buffered.indexOf('\\n'); i >= 0; i = buffered.indexOf('\\n')) {
    const [op, pid] = buffered.slice(0, i).split(' ');
    buffered = buffered.slice(i + 1);
    if (op === '+') pids.add(Number(pid)); else pids.delete(Number(pid));
  }
});
const reap = () => { for (const pid of pids) { try { process.kill(pid, 'SIGKILL'); } catch {} } process.exit(0); };
process.stdin.on('end', reap);
process.stdin.on('error', reap);
`;
let reaper: ChildProcess | undefined;

function tellReaper(line: string): void {
  if (!reaper) {
    reaper = spawn(process.execPath, ['-e', REAPER_SOURCE], {
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { ...process.env, NODE_OPTIONS: '', ELECTRON_RUN_AS_NODE: '1' },
    });
    reaper.on('error', () => undefined); // best effort: the 'exit' hook below still applies
    reaper.stdin?.on('error', () => undefined);
    reaper.unref();
    if (reaper.stdin instanceof net.Socket) reaper.stdin.unref();
  }
  reaper.stdin?.write(`${line}\n`);
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

async function chainIdAt(url: string): Promise<number | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(2_000),
    });
    const body = (await response.json()) as { result?: string };
    return body.result ? Number(body.result) : null;
  } catch {
    return null;
  }
}

/** Resolves with the port from anvil's "Listening on 127.0.0.1:<port>" line. */
function listeningPort(child: ChildProcess, output: { text: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`anvil did not report a port within ${STARTUP_TIMEOUT_MS} ms`)), STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output.text = (output.text + chunk.toString('utf8')).slice(-4_000);
      const match = /Listening on \S+:(\d+)/.exec(output.text);
      if (match) done(() => resolve(Number(match[1])));
    };
    const onExit = (code: number | null, signal: string | null) => fail(new Error(`anvil exited (${signal ?? code}) before listening`));
    const fail = (error: Error) => done(() => reject(new Error(`${error.message}\n${output.text}`)));
    const done = (settle: () => void) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', fail);
      settle();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output.text = (output.text + chunk.toString('utf8')).slice(-4_000)));
    child.once('exit', onExit);
    child.once('error', fail);
  });
}

export async function startAnvil(options: AnvilOptions): Promise<AnvilNode> {
  const args = ['--chain-id', String(options.chainId), '--host', '127.0.0.1', '--port', '0'];
  if (options.blockTime !== undefined) args.push('--block-time', String(options.blockTime));
  // Every state stays in memory: without a limit anvil writes each state older than 128
  // blocks to ~/.foundry/anvil/tmp (about 0.4 MB a block, measured) and leaves the files
  // behind when it is killed. A million states is an archive node for any test here.
  args.push('--prune-history', String(options.pruneHistory ?? 1_000_000));
  // Not --silent: that also hides the "Listening on" line we read the port from. Per-request
  // logs go to a pipe that is drained and dropped.
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid !== undefined) {
    const pid = child.pid;
    running.add(child);
    tellReaper(`+ ${pid}`);
    void exited.then(() => {
      running.delete(child);
      tellReaper(`- ${pid}`);
    });
  }
  // Neither the node nor its pipes keep the test process alive; the hooks above kill it.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) if (stream instanceof net.Socket) stream.unref();

  const output = { text: '' };
  try {
    const port = await listeningPort(child, output);
    child.stdout?.resume(); // keep draining so anvil never blocks on a full pipe
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    let answered = await chainIdAt(url);
    while (answered === null && Date.now() < deadline && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answered = await chainIdAt(url);
    }
    if (answered !== options.chainId) throw new Error(`anvil at ${url} answered eth_chainId ${answered}, expected ${options.chainId}\n${output.text}`);
    return {
      url,
      port,
      chainId: options.chainId,
      kill: () => {
        child.kill('SIGKILL');
      },
      stop: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}
