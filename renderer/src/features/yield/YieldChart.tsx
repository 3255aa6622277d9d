import { useEffect, useRef } from 'react';
import { createChart, LineSeries, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import type { YieldSeries } from '../../../../shared/ipc/yield-schemas';

/** The rolling window yield of one rate over its stored samples, in percent. */
export function YieldChart({ series }: { series: YieldSeries }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<{ api: IChartApi; line: ISeriesApi<'Line'> } | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const styles = getComputedStyle(document.documentElement);
    const api = createChart(container.current, {
      autoSize: true,
      layout: { background: { color: 'transparent' }, textColor: styles.getPropertyValue('--muted').trim() || '#888' },
      grid: { vertLines: { visible: false }, horzLines: { color: 'rgba(128,128,128,0.15)' } },
      timeScale: { timeVisible: false },
      localization: { priceFormatter: (value: number) => `${value.toFixed(2)} %` },
    });
    chart.current = { api, line: api.addSeries(LineSeries, { lineWidth: 2, color: styles.getPropertyValue('--accent').trim() || '#4f8cff' }) };
    return () => {
      api.remove();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.line.setData(series.points.map((point) => ({ time: point.time as UTCTimestamp, value: point.value * 100 })));
    chart.current?.api.timeScale().fitContent();
  }, [series]);

  return <div ref={container} className="chart" data-testid="yield-chart" data-points={series.points.length} />;
}
