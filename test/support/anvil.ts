/**
 * Starts a real anvil node from the binary shipped in the npm package @foundry-rs/anvil
 * (platform package @foundry-rs/anvil-<os>-<arch>), on a free loopback port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface AnvilNode {
  url: string;
  port: number;
  chainId: number;
  /** Graceful stop. */
  stop(): Promise<void>;
  /** SIGKILL: simulates an RPC dying mid-request. */
  kill(): void;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function anvilBinary(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  const platformPackage = `@foundry-rs/anvil-${process.platform}-${arch}`;
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve(`${platformPackage}/package.json`));
  return path.join(dir, 'bin', process.platform === 'win32' ? 'anvil.exe' : 'anvil');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function answersChainId(url: string): Promise<number | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    });
    const body = (await response.json()) as { result?: string };
    return body.result ? Number(body.result) : null;
  } catch {
    return null;
  }
}

export async function startAnvil(options: { chainId: number }): Promise<AnvilNode> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(anvilBinary(), ['--chain-id', String(options.chainId), '--port', String(port), '--host', '127.0.0.1', '--silent'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && child.exitCode === null) {
      if ((await answersChainId(url)) === options.chainId) {
        return {
          url,
          port,
          chainId: options.chainId,
          kill: () => child.kill('SIGKILL'),
          stop: () =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL'); // the port was taken between our check and anvil's bind: try another
  }
  throw new Error(`anvil did not start for chain id ${options.chainId}`);
}
