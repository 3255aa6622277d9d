/**
 * Compiles our own test mocks in test/fixtures/contracts with the solc npm package (the
 * compiler ships in node_modules; nothing is downloaded). Loading solc's wasm and compiling
 * takes seconds, so the output is cached on disk keyed by a hash of the sources, the solc
 * version and the settings. Writes go to a unique temp file and are renamed into place, so
 * vitest workers compiling at the same time never read a half-written cache.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';

export interface CompiledContract {
  abi: Abi;
  deployedBytecode: Hex;
}

/** The part of solc's JS wrapper we use (its bundled .d.ts types everything as any). */
interface Solc {
  version(): string;
  compile(input: string): string;
}

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: Abi; evm: { deployedBytecode: { object: string } } }>>;
}

const require = createRequire(import.meta.url);
const SOURCES_DIR = fileURLToPath(new URL('../fixtures/contracts/', import.meta.url));
/** Next to solc itself, so the cache follows whichever node_modules the tests run from. */
const CACHE_DIR = path.join(path.dirname(path.dirname(require.resolve('solc/package.json'))), '.cache', 'slashboard-solc');

const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  // Supported by anvil's default ("latest") hardfork; pinned so bytecode does not change
  // with the compiler's own default.
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.deployedBytecode.object'] } },
} as const;

let memo: Record<string, CompiledContract> | undefined;

function solcVersion(): string {
  // The package version, not solc.version(): reading it does not load the compiler.
  const pkg = JSON.parse(fs.readFileSync(require.resolve('solc/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function readSources(): Record<string, { content: string }> {
  const files = fs.readdirSync(SOURCES_DIR).filter((file) => file.endsWith('.sol')).sort();
  return Object.fromEntries(files.map((file) => [file, { content: fs.readFileSync(path.join(SOURCES_DIR, file), 'utf8') }]));
}

function readCache(file: string): Record<string, CompiledContract> | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, CompiledContract>;
  } catch {
    return undefined; // missing, or left unreadable by an interrupted run: compile again
  }
}

function compile(sources: Record<string, { content: string }>): Record<string, CompiledContract> {
  const solc = require('solc') as Solc;
  const output = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings: SETTINGS }))) as SolcOutput;
  const errors = (output.errors ?? []).filter((error) => error.severity === 'error');
  if (errors.length > 0) throw new Error(`solc ${solc.version()} failed:\n${errors.map((error) => error.formattedMessage).join('\n')}`);
  const contracts: Record<string, CompiledContract> = {};
  for (const [file, byName] of Object.entries(output.contracts ?? {})) {
    for (const [name, contract] of Object.entries(byName)) {
      if (contracts[name]) throw new Error(`Contract name ${name} is defined twice (again in ${file})`);
      contracts[name] = { abi: contract.abi, deployedBytecode: `0x${contract.evm.deployedBytecode.object}` };
    }
  }
  return contracts;
}

/** Every contract in test/fixtures/contracts, by contract name. */
export function compiledContracts(): Record<string, CompiledContract> {
  if (memo) return memo;
  const sources = readSources();
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify({ solc: solcVersion(), settings: SETTINGS, sources }))
    .digest('hex')
    .slice(0, 20);
  const cacheFile = path.join(CACHE_DIR, `${key}.json`);
  const cached = readCache(cacheFile);
  if (cached) return (memo = cached);

  const contracts = compile(sources);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // Unique per process and per call: threads of one process share a pid.
  const temp = `${cacheFile}.${process.pid}.${crypto.randomUUID()}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(contracts));
  try {
    fs.renameSync(temp, cacheFile); // atomic on one filesystem; the last writer wins with equal content
  } catch (error) {
    // Windows refuses to replace a file another worker has open; its copy is just as good.
    fs.rmSync(temp, { force: true });
    if (!fs.existsSync(cacheFile)) throw error;
  }
  return (memo = contracts);
}

export function compiled(name: string): CompiledContract {
  const contract = compiledContracts()[name];
  if (!contract) throw new Error(`No compiled contract named ${name} in ${SOURCES_DIR}`);
  return contract;
}
