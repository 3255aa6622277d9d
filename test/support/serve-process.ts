/** Runs the built browser-mode server (out/main/serve.js) as a child process, like a user would. */
import { spawn, type ChildProcess } from 'node:child_process';
import type { NetworkId } from '../../shared/registry/networks';

export interface ServeProcess {
  launchUrl: string;
  stop(): Promise<void>;
}

export async function startServeProcess(dataDir: string, rpc: Partial<Record<NetworkId, string>>, priceApi = 'http://127.0.0.1:9', candlesApi = 'http://127.0.0.1:9', jitoApi = 'http://127.0.0.1:9'): Promise<ServeProcess> {
  // Tests never reach the internet: the price and candle APIs are loopback servers or a dead port.
  const args = ['out/main/serve.js', '--data-dir', dataDir, '--price-api', priceApi, '--candles-api', candlesApi, '--jito-api', jitoApi];
  for (const [chain, url] of Object.entries(rpc)) args.push('--rpc', `${chain}=${url}`);
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.js did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.js exited with ${code}:\n${output}`));
    });
  });
  return {
    launchUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
