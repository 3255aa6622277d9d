/** What may reach a log line: addresses shortened, URLs cut to their host, no token, at any depth. */
import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactValue, reduceUrl, shortAddress } from '../../electron/main/logging/redact';
import { addLogSecret, formatLine } from '../../electron/main/logging';

const EVM = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const SOLANA = 'J1to3PQfXidUUhprQWgdKkQAMWPJAEqSJ7amkBDE9qhF';
const BTC_BECH32 = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
const BTC_LEGACY = '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2';
const TOKEN = 'q7Zk3YVbWc2rT9fPx1LmN8sD4hGjK6aE0uRyBvCiOo5';

describe('addresses', () => {
  it('shortens EVM, Solana and Bitcoin addresses to 6 + 4 characters', () => {
    expect(shortAddress(EVM)).toBe('0xd8dA…6045');
    const text = redactText(`wallets ${EVM}, ${SOLANA}; ${BTC_BECH32} and ${BTC_LEGACY}.`);
    expect(text).toBe(`wallets 0xd8dA…6045, J1to3P…9qhF; bc1qar…5mdq and 1BvBMS…NVN2.`);
  });

  it('keeps hashes, shortens addresses padded into 32-byte words and cuts calldata to its length', () => {
    const hash = `0x${'ab'.repeat(32)}`;
    const padded = `0x${'0'.repeat(24)}${EVM.slice(2).toLowerCase()}`;
    const calldata = `0x70a08231${padded.slice(2)}`;
    expect(redactText(`block ${hash}`)).toBe(`block ${hash}`);
    expect(redactText(`topic ${padded}`)).toBe('topic 0xd8da…6045');
    expect(redactText(`data ${calldata}`)).toBe('data 0x[36 bytes]');
  });

  it('shortens ENS names and leaves ordinary words, numbers and paths alone', () => {
    expect(redactText('resolved vitalik.eth')).toBe('resolved v….eth');
    const plain = 'refresh of ethereum at block 21000000 took 1532 ms in /opt/Slashboard/resources/app.asar';
    expect(redactText(plain)).toBe(plain);
  });

  it('keeps whole addresses when the user opted in, but still cuts URLs and secrets', () => {
    const text = redactText(`${EVM} via https://eth.example/v2/KEY123`, { fullAddresses: true, secrets: [TOKEN] });
    expect(text).toBe(`${EVM} via https://eth.example/…`);
  });
});

describe('URLs and secrets', () => {
  it('reduces RPC URLs to scheme and host, whatever the key sits in', () => {
    expect(reduceUrl('https://eth-mainnet.g.alchemy.com/v2/abcdef123456')).toBe('https://eth-mainnet.g.alchemy.com/…');
    expect(reduceUrl('https://rpc.example.org/?apikey=XYZ')).toBe('https://rpc.example.org/…');
    expect(reduceUrl('https://user:pass@node.example:8545/')).toBe('https://node.example:8545');
    expect(reduceUrl('wss://mainnet.infura.io/ws/v3/0123abcd')).toBe('wss://mainnet.infura.io/…');
    expect(redactText('HTTP request failed. URL: https://x.example/key/ABC. Status: 429')).toBe('HTTP request failed. URL: https://x.example/…. Status: 429');
  });

  it('never writes the launch token: in a URL, a query fragment, a header or on its own', () => {
    const text = redactText(`GET http://127.0.0.1:5173/?token=${TOKEN} ?token=${TOKEN} Authorization: Bearer ${TOKEN} cookie sb_token_5173=${TOKEN}`, { secrets: [TOKEN] });
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('http://127.0.0.1:5173/…');
    expect(redactText(`token=${TOKEN}&x=1`)).toBe(`token=${REDACTED}&x=1`);
    expect(redactText(`Authorization: Bearer ${TOKEN}`)).toBe(`Authorization: Bearer ${REDACTED}`);
  });

  it('drops fields named like credentials, at any depth, and keeps the rest', () => {
    const value = redactValue({
      chain: 'ethereum',
      tokenAddress: EVM,
      nested: { deeper: [{ apiKey: 'k', launchToken: TOKEN, password: 'p', authorization: 'a', url: 'https://rpc.example/abc?key=1', wallet: EVM }] },
      big: 12n,
    });
    expect(value).toEqual({
      chain: 'ethereum',
      tokenAddress: '0xd8dA…6045',
      nested: { deeper: [{ apiKey: REDACTED, launchToken: REDACTED, password: REDACTED, authorization: REDACTED, url: 'https://rpc.example/…', wallet: '0xd8dA…6045' }] },
      big: '12',
    });
  });

  it('keeps an error\'s name, message, code, stack and cause, redacted', () => {
    const cause = new Error(`fetch failed for ${EVM}`);
    const error = Object.assign(new Error(`eth_call to https://rpc.example/v3/SECRETKEY failed for ${EVM}`, { cause }), { code: 'RPC_ERROR' });
    const out = redactValue({ error }) as { error: { name: string; message: string; code: string; stack: string; cause: { message: string } } };
    expect(out.error.name).toBe('Error');
    expect(out.error.code).toBe('RPC_ERROR');
    expect(out.error.message).toBe('eth_call to https://rpc.example/… failed for 0xd8dA…6045');
    expect(out.error.stack).toContain('log-redaction.test.ts');
    expect(out.error.stack).not.toContain('SECRETKEY');
    expect(out.error.stack).not.toContain(EVM);
    expect(out.error.cause.message).toBe('fetch failed for 0xd8dA…6045');
  });

  it('survives cycles and very deep values', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    let deep: unknown = EVM;
    for (let i = 0; i < 20; i++) deep = { deep };
    expect(redactValue(cyclic)).toEqual({ a: 1, self: '[circular]' });
    expect(JSON.stringify(redactValue(deep))).not.toContain(EVM);
  });
});

describe('a log line', () => {
  it('is one JSON object with time, level and event, redacted throughout', () => {
    addLogSecret(TOKEN);
    const line = formatLine('warn', 'refresh.network', { chain: 'ethereum', error: `no answer from https://rpc.example/${TOKEN} for ${EVM}`, note: TOKEN }, { time: 0, fullAddresses: false });
    expect(line).not.toContain('\n');
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(parsed).toEqual({ time: '1970-01-01T00:00:00.000Z', level: 'warn', event: 'refresh.network', chain: 'ethereum', error: 'no answer from https://rpc.example/… for 0xd8dA…6045', note: REDACTED });
  });
});
