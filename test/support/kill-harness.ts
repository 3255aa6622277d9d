/**
 * Runs test/support/refresh-child.ts in a child process and kills it with SIGKILL at a chosen
 * moment. The child is bundled once with esbuild (what tsx runs on), so each start costs a
 * plain `node` start instead of transpiling the app again (about 3.5 s with tsx here).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

/** Inside the project (node_modules/.cache), so the bundle finds better-sqlite3 in node_modules. */
export async function bundleChild(): Promise<string> {
  const outfile = path.join('node_modules', '.cache', 'slashboard-test', `refresh-child-${process.pid}.mjs`);
  await build({
    entryPoints: ['test/support/refresh-child.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    // The native module is loaded from node_modules as the app loads it.
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return path.resolve(outfile);
}

/** Deterministic random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface KillPlan {
  /** Wait for this phase line before starting the delay. */
  after: string;
  delayMs: number;
  /** Give up (and fail) if the phase has not come by then. */
  timeoutMs?: number;
}

export interface KillResult {
  /** The last phase the child printed before it died. */
  phase: string;
  phases: string[];
  /** The clock of the last refresh the child reported fully committed, if any. */
  committed: number | null;
}

export function runAndKill(script: string, args: readonly string[], plan: KillPlan): Promise<KillResult> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: process.cwd() });
  const phases: string[] = [];
  let committed: number | null = null;
  let stderr = '';
  let buffered = '';
  let armed = false;
  return new Promise<KillResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`phase "${plan.after}" never came; saw ${phases.join(' → ')}\n${stderr}`));
    }, plan.timeoutMs ?? 30_000);
    const arm = () => {
      armed = true;
      clearTimeout(timer);
      setTimeout(() => child.kill('SIGKILL'), plan.delayMs);
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('committed ')) committed = Number(line.slice(10));
        if (!line.startsWith('phase ')) continue;
        phases.push(line.slice(6));
        if (!armed && line.slice(6) === plan.after) arm();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    // 'close', not 'exit': it comes after the last lines the child wrote are read.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ phase: phases.at(-1) ?? 'starting', phases, committed });
      else reject(new Error(`the child exited by itself (code ${code}) after ${phases.join(' → ')}\n${stderr}`));
    });
  });
}
