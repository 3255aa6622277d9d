/**
 * A loopback Babylon staking API answering as babylonlabs-io/staking-api-service does
 * (../shared/api-shapes/babylon-staking-api.md and its example files): `{data}` bodies,
 * `pagination.next_key` on list routes ("" on the last page, an opaque base64 token
 * otherwise, `pagination_key` refused with 400 unless base64), errors as
 * `{"errorCode","message"}` with "Internal service error" for 5xx, staker keys matched as
 * exact lower-case x-only strings, pubkey-lookup as a map that leaves unknown addresses
 * out (at most 10), and 404 for an empty finality-provider list. Seeded from the example
 * files; a test can add delegations, shrink the page size (the service's e2e suite uses 2)
 * and make the next answers a 429 (Retry-After), a 500, broken JSON or a wrong shape.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { listenLoopback } from './loopback';
import { checkBitcoinAddress } from '../../shared/domain/wallet/bitcoin-address';
import { isValidXOnlyKey } from '../../shared/domain/bitcoin/taproot';

const SHAPES = '../shared/api-shapes';
const example = (name: string) => JSON.parse(readFileSync(`${SHAPES}/babylon.${name}.example.json`, 'utf8'));
const errors = JSON.parse(readFileSync(`${SHAPES}/babylon.errors.examples.json`, 'utf8'));

export type DelegationJson = { staker_btc_pk_hex: string; state: string; delegation_staking: { staking_tx_hash_hex: string; start_height?: number } } & Record<string, unknown>;
export type FinalityProviderJson = { btc_pk: string } & Record<string, unknown>;
export type Fault = 'rate-limit' | 'server-error' | 'malformed-json' | 'wrong-shape';

export interface BabylonServer {
  url: string;
  requests: URL[];
  exampleDelegation(): DelegationJson;
  addDelegations(list: DelegationJson[]): void;
  setFinalityProviders(list: FinalityProviderJson[]): void;
  setPageSize(size: number): void;
  /** What GET /v2/apr and GET /v2/stats publish as btc_staking_apr (the examples hold 0). */
  setApr(btcStakingApr: number): void;
  /** The next `times` answers to paths starting with `path` (any path when omitted). */
  failNext(fault: Fault, times?: number, retryAfterSeconds?: number, path?: string): void;
  close(): Promise<void>;
}

export async function startBabylonServer(): Promise<BabylonServer> {
  const delegations: DelegationJson[] = [...example('v2-delegations').data];
  let finalityProviders: FinalityProviderJson[] = example('v2-finality-providers').data;
  const pubkeys: Record<string, string> = example('v1-pubkey-lookup').data;
  const stakerStats = example('v2-staker-stats').data;
  const networkInfo = example('v2-network-info');
  let apr = 0;
  let pageSize = 100; // config/config-docker.yml max-pagination-limit
  const faults: { fault: Fault; retryAfter: number; path: string }[] = [];
  const requests: URL[] = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const fail = (status: number, errorCode: string, message: string) => send(status, { errorCode, message });
    const at = faults.findIndex((item) => url.pathname.startsWith(item.path));
    const fault = at < 0 ? undefined : faults.splice(at, 1)[0];
    if (fault?.fault === 'rate-limit') {
      // A gateway's answer (the service itself has no rate limit): its body is not documented.
      res.writeHead(429, { 'Content-Type': 'text/plain', 'Retry-After': String(fault.retryAfter) });
      return void res.end('Too Many Requests');
    }
    if (fault?.fault === 'server-error') return send(errors['500_any'].status, errors['500_any'].body);
    if (fault?.fault === 'malformed-json') return send(200, '{"data": [{"params_version": 1,');
    const wrongShape = fault?.fault === 'wrong-shape';

    const key = url.searchParams.get('pagination_key') ?? '';
    if (key && !(key.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(key))) return send(errors['400_pagination'].status, errors['400_pagination'].body);
    /** A page after the item the key names (base64 JSON, as the service's tokens are). */
    const page = <T>(items: T[], token: (item: T) => object) => {
      let from = 0;
      if (key) {
        const after = JSON.parse(Buffer.from(key, 'base64').toString('utf8') || '{}') as Record<string, unknown>;
        from = items.findIndex((item) => JSON.stringify(token(item)) === JSON.stringify(after)) + 1;
        if (from === 0) return null;
      }
      const slice = items.slice(from, from + pageSize);
      const more = from + pageSize < items.length;
      return { data: slice, pagination: { next_key: more ? Buffer.from(JSON.stringify(token(slice.at(-1)!))).toString('base64') : '' } };
    };

    switch (url.pathname) {
      case '/v2/delegations': {
        const pk = url.searchParams.get('staker_pk_hex');
        if (!pk && !url.searchParams.get('babylon_address')) return send(errors['400_missing'].status, errors['400_missing'].body);
        if (!pk || !/^[0-9a-fA-F]{64}$/.test(pk) || !isValidXOnlyKey(Buffer.from(pk, 'hex'))) return send(errors['400_invalid_pk'].status, errors['400_invalid_pk'].body);
        const mine = delegations.filter((d) => d.staker_btc_pk_hex === pk);
        const body = page(mine, (d) => ({ staking_tx_hash_hex: d.delegation_staking.staking_tx_hash_hex, start_height: d.delegation_staking.start_height ?? 0 }));
        if (!body) return fail(500, 'INTERNAL_SERVICE_ERROR', 'Internal service error');
        if (wrongShape && body.data[0]) body.data[0] = { ...body.data[0], state: 'active' }; // the v1 spelling
        return send(200, body);
      }
      case '/v1/staker/pubkey-lookup': {
        const addresses = url.searchParams.getAll('address');
        if (addresses.length === 0) return fail(400, 'BAD_REQUEST', 'address is required');
        if (addresses.length > 10) return fail(400, 'BAD_REQUEST', 'Maximum 10 address allowed');
        for (const address of addresses) {
          const check = checkBitcoinAddress(address);
          // The service's wording for a valid legacy address is not documented; this one is made up.
          if (!check.ok) return fail(400, 'BAD_REQUEST', `can not decode btc address: ${check.reason}`);
          if (check.type !== 'p2tr' && check.type !== 'p2wpkh') return fail(400, 'BAD_REQUEST', `unsupported address type ${check.type}`);
        }
        return send(200, { data: Object.fromEntries(addresses.filter((a) => a in pubkeys).map((a) => [a, pubkeys[a]])) });
      }
      case '/v2/finality-providers': {
        if (finalityProviders.length === 0) return fail(404, 'NOT_FOUND', 'finality providers not found, please retry');
        const body = page(finalityProviders, (fp) => ({ btc_pk: fp.btc_pk }));
        if (!body) return fail(500, 'INTERNAL_SERVICE_ERROR', 'Internal service error');
        return send(200, body);
      }
      case '/v2/network-info': {
        if (!wrongShape) return send(200, networkInfo);
        const copy = structuredClone(networkInfo);
        copy.data.params.bbn[0].slashing_rate = 0.1; // a number where the service sends a decimal string
        return send(200, copy);
      }
      case '/v2/stats':
        if (wrongShape) return send(200, { data: null });
        return send(200, { data: { ...example('v2-stats').data, btc_staking_apr: apr, max_staking_apr: apr } });
      case '/v2/staker/stats': {
        const pk = url.searchParams.get('staker_pk_hex');
        if (!pk || !/^[0-9a-fA-F]{64}$/.test(pk)) return send(errors['400_invalid_pk'].status, errors['400_invalid_pk'].body);
        const known = delegations.some((d) => d.staker_btc_pk_hex === pk);
        return send(200, { data: known ? stakerStats : Object.fromEntries(Object.keys(stakerStats).map((k) => [k, 0])) });
      }
      case '/v2/apr': {
        for (const name of ['satoshis_staked', 'ubbn_staked']) {
          const value = url.searchParams.get(name);
          if (value !== null && !/^\d+$/.test(value)) return fail(400, 'BAD_REQUEST', `invalid ${name}: must be a valid integer`);
        }
        const body = example('v2-apr');
        body.data.current = { ...body.data.current, btc_staking_apr: apr, total_apr: apr + body.data.current.co_staking_apr };
        return send(200, body);
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('404 page not found');
  });
  const { url, close } = await listenLoopback(server);
  return {
    url,
    requests,
    exampleDelegation: () => structuredClone(example('v2-delegations').data[0]),
    addDelegations: (list) => void delegations.push(...list),
    setFinalityProviders: (list) => void (finalityProviders = list),
    setPageSize: (size) => void (pageSize = size),
    setApr: (value) => void (apr = value),
    failNext: (fault, times = 1, retryAfter = 1, path = '/') => {
      for (let i = 0; i < times; i++) faults.push({ fault, retryAfter, path });
    },
    close,
  };
}
