/**
 * Command-line interface over the same dispatcher as the IPC and the browser mode.
 * Errors: one line on stderr and exit code 1 (2 for usage errors).
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { openApp, type Services } from '../services';
import { createAppDispatcher } from '../ipc';
import { contextOverrides, parseGlobalOptions, UsageError } from '../options';
import { call, rejectExtra, takeFlag, takeSwitch } from './args';
import { buildReport } from '../services/report';
import { formatAmount } from '../../../shared/domain/amount';
import { isNetworkId } from '../../../shared/registry/networks';
import type { Dispatch } from '../ipc/handle';
import { AppFailure } from '../../../shared/result';
import { exportCommand } from './export-command';
import { backupCommand, restoreCommand, thinCommand } from './backup-commands';
import { printable } from '../../../shared/printable';

const USAGE = `Usage: slashboard [--data-dir DIR] [--rpc <chain>=<url>]... <command>
  wallets add <address|ens> [--label L]
  wallets import <file.csv>
  wallets list [--json]
  wallets rename <address> <label>
  wallets remove <address>
  refresh [--chain ethereum|arbitrum|base|solana|bitcoin]
  report [--json]
  export --format csv|json [--what positions|history|exposure] [--from DATE] [--to DATE] [--out FILE]
    (DATE: YYYY-MM-DD in UTC, an ISO 8601 time with Z or an offset, or unix seconds; see docs/export.md)
  backup [--to FILE]                 (default: <data-dir>/backups/slashboard-<UTC time>.sqlite)
  restore FILE                       (the current data is first saved to backups/before-restore-<UTC time>.sqlite)
  thin [--keep-days N] [--vacuum]    (keep every snapshot N days, default 90, then one per network per day)`;

/** Where the CLI writes: stdout lines, stderr lines, raw stdout (export). */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  write: (text: string) => void;
}

/** Runs one command line; resolves with the exit code (1: a command failed, 2: a usage error) and never rejects. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let code = 0;
  try {
    await run(argv, io, () => (code = 1));
    return code;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    // One line: without the usage text some usage errors end with, and with what the person typed made visible.
    io.err(`slashboard: ${printable(message.endsWith(`\n${USAGE}`) ? message.slice(0, -USAGE.length - 1) : message)}`);
    return cause instanceof UsageError ? 2 : 1;
  }
}

async function run(argv: string[], { out, err, write }: CliIo, failed: () => void): Promise<void> {
  const options = parseGlobalOptions(argv);
  const args = [...options.rest];
  const [command, sub] = args;
  if (!command || command === 'help' || command === '--help') return out(USAGE);
  // Before opening: restore must also work on a database that cannot be opened.
  if (command === 'restore') return restoreCommand({ ...contextOverrides(options), mode: 'browser' }, args.slice(1), out);
  const services: Services = openApp({ ...contextOverrides(options), mode: 'browser' });
  const dispatch = createAppDispatcher(services);
  try {
    if (command === 'wallets') return await walletsCommand(dispatch, sub, args.slice(2), out, failed);
    if (command === 'backup') return await backupCommand(services, args.slice(1), out);
    if (command === 'thin') return await thinCommand(dispatch, args.slice(1), out);
    if (command === 'export') return await exportCommand(dispatch, args.slice(1), out, write, services.ctx.db.name);
    if (command === 'refresh') {
      const chain = takeFlag(args, '--chain');
      if (chain !== undefined && !isNetworkId(chain)) throw new UsageError(`Unknown chain "${chain}"`);
      rejectExtra('refresh', args.slice(1));
      services.ctx.events.subscribe((event) => {
        if (event.name === 'refresh.progress') {
          const { chain: name, phase, done, total, message } = event.payload;
          err(`${name}: ${phase} ${done}/${total}${message ? ` ${message}` : ''}`);
        }
      });
      const summary = await call(dispatch, 'refresh.run', chain ? { chains: [chain] } : {});
      for (const outcome of summary.chains) {
        if (outcome.status === 'ok') out(`${outcome.chain}: block ${outcome.blockNumber}, ${outcome.positions} balances (${outcome.failedPositions} failed), ${outcome.httpRequests} HTTP requests${outcome.riskRequests ? ` (+${outcome.riskRequests} for risk reads)` : ''}${outcome.historyRequests ? ` (+${outcome.historyRequests} for yield history)` : ''}`);
        else if (outcome.status === 'failed') out(`${outcome.chain}: FAILED ${outcome.error}`);
        else out(`${outcome.chain}: skipped (${outcome.reason})`);
      }
      if (summary.chains.some((outcome) => outcome.status === 'failed')) failed();
      return;
    }
    if (command === 'report') {
      const json = takeSwitch(args, '--json');
      rejectExtra('report', args.slice(1));
      const portfolio = await call(dispatch, 'portfolio.get');
      if (json) return out(JSON.stringify(buildReport(portfolio, await call(dispatch, 'yield.get'), await call(dispatch, 'exposure.get'), await call(dispatch, 'risk.get'), Date.now()), null, 2));
      for (const position of portfolio.positions) {
        const wallet = portfolio.wallets.find((item) => item.id === position.walletId);
        const amount = position.rawAmount === null ? `error: ${position.error}` : formatAmount(BigInt(position.rawAmount), position.decimals);
        out(`${position.chain}\t${wallet?.label ?? wallet?.address}\t${position.symbol}\t${amount}\tblock ${position.blockNumber}`);
      }
      return;
    }
    throw new UsageError(`Unknown command "${command}"\n${USAGE}`);
  } finally {
    services.ctx.close();
  }
}

async function walletsCommand(dispatch: Dispatch, sub: string | undefined, args: string[], out: (line: string) => void, failed: () => void): Promise<void> {
  if (sub === 'add') {
    const label = takeFlag(args, '--label');
    const [input, ...extra] = args;
    if (!input) throw new UsageError('wallets add needs an address or ENS name');
    rejectExtra('wallets add', extra);
    const wallet = await call(dispatch, 'wallets.add', { input, label: label ?? null });
    return out(`Added ${wallet.kind} wallet ${wallet.address}${wallet.ensName ? ` (${wallet.ensName})` : ''}${wallet.label ? ` "${wallet.label}"` : ''}`);
  }
  if (sub === 'import') {
    const [file, ...extra] = args;
    if (!file) throw new UsageError('wallets import needs a CSV file');
    rejectExtra('wallets import', extra);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      throw new AppFailure('INVALID_INPUT', `Cannot read ${file}: ${code === 'ERR_INVALID_ARG_VALUE' ? 'not a valid path' : (code ?? String(cause))}`);
    }
    // A NUL byte never occurs in a text file: a database or a picture would otherwise be reported line by line.
    if (text.includes('\0')) throw new AppFailure('INVALID_INPUT', `${file} is not a text file; import takes a CSV of address,label lines`);
    const result = await call(dispatch, 'wallets.import', { text });
    out(`Imported ${result.added.length} wallet(s); ${result.errors.length} line(s) rejected`);
    for (const error of result.errors) out(`line ${error.line}: ${error.reason}${error.input ? ` (${printable(error.input)})` : ''}`);
    if (result.errors.length > 0) failed();
    return;
  }
  if (sub === 'list') {
    const json = takeSwitch(args, '--json');
    rejectExtra('wallets list', args);
    const wallets = await call(dispatch, 'wallets.list');
    if (json) return out(JSON.stringify(wallets, null, 2));
    if (wallets.length === 0) return out('No wallets yet. Add one with: wallets add <address|ens>');
    for (const wallet of wallets) out(`${wallet.id}\t${wallet.kind}\t${wallet.address}\t${wallet.label ?? ''}${wallet.ensName ? `\t${wallet.ensName}` : ''}`);
    return;
  }
  if (sub === 'remove' || sub === 'rename') {
    const [input, label, ...extra] = args;
    if (!input) throw new UsageError(`wallets ${sub} needs an address`);
    rejectExtra(`wallets ${sub}`, sub === 'remove' ? args.slice(1) : extra);
    const wallets = await call(dispatch, 'wallets.list');
    const needle = input.trim().toLowerCase();
    const wallet = wallets.find((item) => item.address.toLowerCase() === needle || item.ensName === needle);
    if (!wallet) throw new AppFailure('NOT_FOUND', `No wallet ${input} in the list`);
    if (sub === 'remove') {
      await call(dispatch, 'wallets.remove', { id: wallet.id });
      return out(`Removed ${wallet.address} and its stored balances`);
    }
    const renamed = await call(dispatch, 'wallets.rename', { id: wallet.id, label: label ?? null });
    return out(`Renamed ${renamed.address} to "${renamed.label ?? ''}"`);
  }
  throw new UsageError(`Unknown wallets command "${sub ?? ''}"\n${USAGE}`);
}

/** True when this file is the program (tsx, node, the build's cli.js), not a module a test imports. */
function isEntry(): boolean {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isEntry()) {
  void runCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line), write: (text) => process.stdout.write(text) }).then((code) => {
    process.exitCode = code;
  });
}
