import { useEffect, useRef } from 'react';
import { createChart, LineSeries, type UTCTimestamp } from 'lightweight-charts';
import { baseChartOptions, themeColor, useDocumentTheme } from '../../components/chartOptions';
import { ChartAttribution } from '../../components/ChartAttribution';

interface Props {
  points: { time: number; value: number }[];
  format: (value: number) => string;
  /** A horizontal reference line (e.g. 0 % = at NAV). */
  baseline?: { price: number; title: string };
  testId: string;
}

/** One line over stored history (premium to NAV, portfolio value). */
export function LineHistoryChart({ points, format, baseline, testId }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const theme = useDocumentTheme();
  useEffect(() => {
    if (!container.current) return;
    const chart = createChart(container.current, baseChartOptions({ localization: { priceFormatter: format } }));
    const line = chart.addSeries(LineSeries, { color: themeColor('--accent', '#6c8cff'), lineWidth: 2 });
    line.setData(points.map((point) => ({ time: point.time as UTCTimestamp, value: point.value })));
    if (baseline) line.createPriceLine({ price: baseline.price, color: 'rgba(128,128,128,0.6)', lineWidth: 1, axisLabelVisible: false, title: baseline.title });
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [points, format, baseline, theme]);
  return (
    <>
      <div ref={container} className="chart" data-testid={testId} data-points={points.length} />
      <ChartAttribution />
    </>
  );
}
