import { useEffect, useRef } from 'react';
import { createChart, LineSeries, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import type { YieldSeries } from '../../../../shared/ipc/yield-schemas';
import { baseChartOptions, themeColor, useDocumentTheme } from '../../components/chartOptions';
import { ChartAttribution } from '../../components/ChartAttribution';

/** The rolling window yield of one rate over its stored samples, in percent. */
export function YieldChart({ series }: { series: YieldSeries }) {
  const container = useRef<HTMLDivElement>(null);
  const theme = useDocumentTheme();
  const chart = useRef<{ api: IChartApi; line: ISeriesApi<'Line'> } | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const api = createChart(container.current, baseChartOptions({ timeScale: { timeVisible: false }, localization: { priceFormatter: (value: number) => `${value.toFixed(2)} %` } }));
    chart.current = { api, line: api.addSeries(LineSeries, { lineWidth: 2, color: themeColor('--accent', '#4f8cff') }) };
    return () => {
      api.remove();
      chart.current = null;
    };
  }, [theme]);

  useEffect(() => {
    chart.current?.line.setData(series.points.map((point) => ({ time: point.time as UTCTimestamp, value: point.value * 100 })));
    chart.current?.api.timeScale().fitContent();
  }, [series, theme]);

  return (
    <>
      <div ref={container} className="chart" data-testid="yield-chart" data-points={series.points.length} />
      <ChartAttribution />
    </>
  );
}
