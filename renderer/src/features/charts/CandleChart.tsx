import { useEffect, useRef, useState } from 'react';
import { CandlestickSeries, createChart, createSeriesMarkers, HistogramSeries, LineSeries, LineStyle, type IChartApi, type UTCTimestamp } from 'lightweight-charts';
import type { ChartData } from '../../../../shared/ipc/chart-schemas';
import { baseChartOptions, themeColor, useDocumentTheme } from '../../components/chartOptions';
import { ChartAttribution } from '../../components/ChartAttribution';

const time = (seconds: number) => seconds as UTCTimestamp;
const line = (data: ChartData, values: (number | null)[]) =>
  data.candles.flatMap((candle, index) => (values[index] === null || values[index] === undefined ? [] : [{ time: time(candle.time), value: values[index]! }]));

/** Candles with SMA 20 / EMA 50, S/R price lines and volume-spike markers; volume and RSI panes below. */
export function CandleChart({ data }: { data: ChartData }) {
  const container = useRef<HTMLDivElement>(null);
  const theme = useDocumentTheme();
  const [legend, setLegend] = useState('');

  useEffect(() => {
    if (!container.current) return;
    const color = themeColor;
    const chart: IChartApi = createChart(container.current, baseChartOptions({ timeScale: { timeVisible: data.interval === '1h' || data.interval === '4h' } }));
    const candles = chart.addSeries(CandlestickSeries, { upColor: color('--ok', '#4fd18b'), downColor: color('--danger', '#ff6b6b'), wickUpColor: color('--ok', '#4fd18b'), wickDownColor: color('--danger', '#ff6b6b'), borderVisible: false });
    candles.setData(data.candles.map((c) => ({ time: time(c.time), open: Number(c.open), high: Number(c.high), low: Number(c.low), close: Number(c.close) })));
    chart.addSeries(LineSeries, { color: color('--accent', '#6c8cff'), lineWidth: 1, title: 'SMA 20', priceLineVisible: false, lastValueVisible: false }).setData(line(data, data.sma20));
    chart.addSeries(LineSeries, { color: color('--warn', '#f5b84a'), lineWidth: 1, title: 'EMA 50', priceLineVisible: false, lastValueVisible: false }).setData(line(data, data.ema50));
    for (const level of data.levels) {
      candles.createPriceLine({ price: level.price, color: level.kind === 'support' ? color('--ok', '#4fd18b') : color('--danger', '#ff6b6b'), lineStyle: LineStyle.Dashed, lineWidth: 1, axisLabelVisible: true, title: `${level.kind === 'support' ? 'S' : 'R'} ×${level.touches}` });
    }
    createSeriesMarkers(candles, data.spikes.map((index) => ({ time: time(data.candles[index]!.time), position: 'belowBar' as const, color: color('--warn', '#f5b84a'), shape: 'arrowUp' as const, text: 'vol' })));
    const volume = chart.addSeries(HistogramSeries, { priceFormat: { type: 'volume' }, color: 'rgba(128,128,128,0.5)' }, 1);
    volume.setData(data.candles.map((c, index) => ({ time: time(c.time), value: Number(c.volume), color: data.spikes.includes(index) ? color('--warn', '#f5b84a') : 'rgba(128,128,128,0.5)' })));
    const rsiSeries = chart.addSeries(LineSeries, { color: color('--accent', '#6c8cff'), lineWidth: 1, title: 'RSI 14', priceLineVisible: false }, 2);
    rsiSeries.setData(line(data, data.rsi14));
    for (const price of [30, 70]) rsiSeries.createPriceLine({ price, color: color('--muted', '#888'), lineStyle: LineStyle.Dotted, lineWidth: 1, axisLabelVisible: false, title: String(price) });
    chart.panes()[0]?.setStretchFactor(3);
    chart.timeScale().fitContent();

    const byTime = new Map(data.candles.map((c, index) => [c.time, index]));
    chart.subscribeCrosshairMove((param) => {
      const index = param.time === undefined ? data.candles.length - 1 : byTime.get(param.time as number);
      if (index === undefined || index < 0) return setLegend('');
      const c = data.candles[index]!;
      const value = (series: (number | null)[]) => (series[index] === null || series[index] === undefined ? '—' : series[index]!.toFixed(2));
      setLegend(`${new Date(c.time * 1000).toISOString().slice(0, 16).replace('T', ' ')} O ${c.open} H ${c.high} L ${c.low} C ${c.close} V ${c.volume} · SMA20 ${value(data.sma20)} · EMA50 ${value(data.ema50)} · RSI ${value(data.rsi14)}`);
    });
    setLegend('');
    return () => chart.remove();
  }, [data, theme]);

  return (
    <div>
      <p className="mono small legend" data-testid="chart-legend">{legend || `${data.candles.length} candles · hover for values`}</p>
      <div ref={container} className="chart chart-tall" data-testid="candle-chart" data-candles={data.candles.length} data-levels={data.levels.length} data-spikes={data.spikes.length} />
      <ChartAttribution />
    </div>
  );
}
