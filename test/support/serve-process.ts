/** Runs the built browser-mode server (out/main/serve.js) as a child process, like a user would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { NETWORK_IDS, type NetworkId } from '../../shared/registry/networks';

export interface ServeProcess {
  launchUrl: string;
  stop(): Promise<void>;
}

export interface ServeApis {
  priceApi?: string;
  candlesApi?: string;
  jitoApi?: string;
  babylonApi?: string;
}

const DEAD = 'http://127.0.0.1:9';

export async function startServeProcess(dataDir: string, rpc: Partial<Record<NetworkId, string>>, apis: ServeApis = {}): Promise<ServeProcess> {
  // Tests never reach the internet: every API is a loopback server or a dead port.
  const { priceApi = DEAD, candlesApi = DEAD, jitoApi = DEAD, babylonApi = DEAD } = apis;
  const args = ['out/main/serve.js', '--data-dir', dataDir, '--price-api', priceApi, '--candles-api', candlesApi, '--jito-api', jitoApi, '--babylon-api', babylonApi];
  // Every network not given is a dead port too: a default public RPC would make the test wait on DNS and timeouts.
  const deadNetworks = Object.fromEntries(NETWORK_IDS.map((network) => [network, DEAD]));
  for (const [chain, url] of Object.entries({ ...deadNetworks, ...rpc })) args.push('--rpc', `${chain}=${url}`);
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
