/**
 * Operator and AVS names from EigenLayer metadata: URI events emitted at the real
 * DelegationManager / AllocationManager addresses on anvil, JSON served on loopback in the
 * documented shape (shared api-shapes eigenlayer.operator-metadata.example.json: name,
 * website, description, logo, twitter). The latest URI wins; bad documents are reported.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchMetadataName } from '../../electron/main/chain/metadata/fetch-name';
import { publishAvsMetadata, publishOperatorMetadata } from '../support/eigen-fixture';
import { rpcOverrides, startEvmChains, stopEvmChains, type EvmNodes } from '../support/evm-chains';
import { AVS1, AVS2, installExposureScenario, OP_A, USER } from '../support/exposure-fixture';
import { openTempApp, type TempApp } from '../support/temp-app';

const doc = (name: string) =>
  JSON.stringify({ name, website: 'https://example.org', description: 'Runs validators.', logo: 'https://example.org/logo.png', twitter: 'https://x.com/example' });
const DOCUMENTS: Record<string, { status?: number; body: string }> = {
  '/old-a.json': { body: doc('Old name') },
  '/a.json': { body: doc('Operator \u202eA\u202c Labs') },
  '/avs1.json': { body: doc('AVS One') },
  '/avs2.json': { body: 'not json' },
  '/big.json': { body: JSON.stringify({ name: 'x'.repeat(70_000) }) },
  '/noname.json': { body: JSON.stringify({ website: 'https://example.org' }) },
};

let nodes: EvmNodes;
let app: TempApp;
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const entry = DOCUMENTS[req.url ?? ''];
    res.writeHead(entry ? (entry.status ?? 200) : 404, { 'Content-Type': 'application/json' });
    res.end(entry?.body ?? '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  nodes = await startEvmChains();
  await installExposureScenario(nodes.ethereum);
  await publishOperatorMetadata(nodes.ethereum, OP_A, `${base}/old-a.json`);
  await publishOperatorMetadata(nodes.ethereum, OP_A, `${base}/a.json`);
  await publishAvsMetadata(nodes.ethereum, AVS1, `${base}/avs1.json`);
  await publishAvsMetadata(nodes.ethereum, AVS2, `${base}/avs2.json`);
  app = openTempApp({ rpcOverrides: rpcOverrides(nodes), allowHttpMetadata: true });
  await app.services.wallets.add(USER);
  await app.services.refresh.run(['ethereum']);
}, 120_000);
afterAll(async () => {
  app?.close();
  await stopEvmChains(nodes);
  await new Promise((resolve) => server.close(resolve));
});

describe('operator and AVS names', () => {
  it('takes each address\'s latest metadata URI, cleans the name, and reports what failed', async () => {
    const result = await app.services.exposure.resolveNames();
    expect(result.resolved).toBe(2);
    expect(result.failed).toContainEqual({ address: AVS2, error: 'metadata is not JSON' });
    const names = app.services.exposure.get().names;
    expect(names).toContainEqual({ kind: 'operator', address: OP_A, name: 'Operator A Labs' }); // bidi overrides removed
    expect(names).toContainEqual({ kind: 'avs', address: AVS1, name: 'AVS One' });
    expect(names.map((entry) => entry.name)).not.toContain('Old name');
  });

  it('refuses what a hostile URI could do: plain http, oversize bodies, no name', async () => {
    expect(await fetchMetadataName(`${base}/a.json`)).toEqual({ ok: false, error: 'metadata URI must be https, not http:' });
    expect(await fetchMetadataName(`${base}/big.json`, { allowHttp: true })).toEqual({ ok: false, error: 'metadata is larger than 65536 bytes' });
    expect(await fetchMetadataName(`${base}/noname.json`, { allowHttp: true })).toEqual({ ok: false, error: 'metadata has no "name" string' });
    expect(await fetchMetadataName('ipfs://x')).toEqual({ ok: false, error: 'metadata URI must be https, not ipfs:' });
  });
});
