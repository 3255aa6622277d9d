/**
 * Compiles the test mocks in test/fixtures/contracts with the solc npm package (our own
 * sources, compiled here, never downloaded). Output is cached on disk by a hash of the
 * sources and compiler version; writes go through a temp file and a rename, so parallel
 * test workers never read a half-written cache.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Abi, Hex } from 'viem';

export interface CompiledContract {
  abi: Abi;
  deployedBytecode: Hex;
}

interface Solc {
  version(): string;
  compile(input: string): string;
}

const SOURCES_DIR = path.resolve('test/fixtures/contracts');
const CACHE_DIR = path.resolve('node_modules/.cache/slashboard-solc');
let memo: Record<string, CompiledContract> | undefined;

export function compiledContracts(): Record<string, CompiledContract> {
  if (memo) return memo;
  const files = fs.readdirSync(SOURCES_DIR).filter((file) => file.endsWith('.sol')).sort();
  const sources = Object.fromEntries(files.map((file) => [file, { content: fs.readFileSync(path.join(SOURCES_DIR, file), 'utf8') }]));
  const solcPackage = JSON.parse(fs.readFileSync(path.resolve('node_modules/solc/package.json'), 'utf8')) as { version: string };
  const key = crypto.createHash('sha256').update(solcPackage.version).update(JSON.stringify(sources)).digest('hex').slice(0, 16);
  const cacheFile = path.join(CACHE_DIR, `${key}.json`);
  if (fs.existsSync(cacheFile)) return (memo = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Record<string, CompiledContract>);

  const solc = createRequire(import.meta.url)('solc') as Solc;
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      outputSelection: { '*': { '*': ['abi', 'evm.deployedBytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { abi: Abi; evm: { deployedBytecode: { object: string } } }>>;
  };
  const errors = (output.errors ?? []).filter((error) => error.severity === 'error');
  if (errors.length > 0) throw new Error(`solc failed:\n${errors.map((error) => error.formattedMessage).join('\n')}`);
  const contracts: Record<string, CompiledContract> = {};
  for (const file of Object.values(output.contracts)) {
    for (const [name, contract] of Object.entries(file)) {
      contracts[name] = { abi: contract.abi, deployedBytecode: `0x${contract.evm.deployedBytecode.object}` };
    }
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const temp = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(contracts));
  fs.renameSync(temp, cacheFile);
  return (memo = contracts);
}

export function compiled(name: string): CompiledContract {
  const contract = compiledContracts()[name];
  if (!contract) throw new Error(`No compiled contract named ${name}`);
  return contract;
}
