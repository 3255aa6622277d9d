/**
 * A loopback stand-in for Jito's Kobe API `POST /api/v1/stake_pool_stats`, in the documented
 * shape (../shared/api-shapes/jito.stake-pool-stats.example.json): one point per UTC day in
 * the requested range, dated at that day's last snapshot time, with TVL and MEV in lamports
 * and the APY as a fraction; a range with no data is HTTP 500 with all-empty arrays, as the
 * real server answers (jito.stake-pool-stats.error-500.example.json).
 */
import http from 'node:http';
import { listenLoopback } from './loopback';

export interface JitoServerState {
  /** Days (unix seconds of each day's snapshot) the server has data for. */
  firstDay: number;
  tvlLamports: bigint;
  mevPerDayLamports: bigint;
  apy: number;
  /** Force an HTTP status (e.g. 429) instead of an answer. */
  status: number | null;
}

export interface JitoServer {
  url: string;
  state: JitoServerState;
  bodies: unknown[];
  close(): Promise<void>;
}

const EMPTY = { aggregated_mev_rewards: 0, mev_rewards: [], tvl: [], apy: [], num_validators: [], supply: [] };

export async function startJitoServer(state: JitoServerState): Promise<JitoServer> {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/api/v1/stake_pool_stats') {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        return void res.end(JSON.stringify({ error: { code: 404, message: 'Not found' } }));
      }
      if (state.status !== null) {
        res.writeHead(state.status, { 'Content-Type': 'application/json', 'Retry-After': '0' });
        return void res.end(JSON.stringify({ code: state.status, error: 'Too Many Requests' }));
      }
      const body = JSON.parse(text) as { range_filter: { start: string; end: string } };
      bodies.push(body);
      const start = Date.parse(body.range_filter.start) / 1000;
      const end = Date.parse(body.range_filter.end) / 1000;
      const days: number[] = [];
      for (let day = state.firstDay; day < end; day += 86_400) if (day >= start) days.push(day);
      if (days.length === 0) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        return void res.end(JSON.stringify(EMPTY));
      }
      const date = (day: number) => new Date(day * 1000).toISOString().replace('.000Z', 'Z');
      const point = (data: unknown) => days.map((day) => ({ data, date: date(day) }));
      const json = JSON.stringify(
        {
          aggregated_mev_rewards: `__int__${state.mevPerDayLamports * BigInt(days.length)}`,
          mev_rewards: point(`__int__${state.mevPerDayLamports}`),
          tvl: point(`__int__${state.tvlLamports}`),
          apy: point(state.apy),
          num_validators: point(1040),
          supply: point(12420237.336776868),
        },
      ).replace(/"__int__(\d+)"/g, '$1');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(json);
    });
  });
  const { url, close } = await listenLoopback(server);
  return {
    url,
    state,
    bodies,
    close,
  };
}
