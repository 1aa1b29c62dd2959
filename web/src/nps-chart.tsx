import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { NpsFigures } from './api';

/** NPS per period as a line over promoter/passive/detractor shares; the table next to it holds the numbers. */
export function NpsChart({ points }: { points: Array<NpsFigures & { key: string }> }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element || points.length === 0) return;
    const share = (n: number, total: number) => (total ? (100 * n) / total : null);
    const data: uPlot.AlignedData = [
      points.map((_, i) => i),
      points.map((p) => p.nps),
      points.map((p) => share(p.promoters, p.responses)),
      points.map((p) => share(p.passives, p.responses)),
      points.map((p) => share(p.detractors, p.responses)),
    ];
    const width = Math.max(280, Math.min(element.clientWidth || 800, 1000));
    const plot = new uPlot(
      {
        width,
        height: 260,
        padding: [8, 40, 0, 8],
        scales: {
          x: { time: false, range: [-0.25, Math.max(points.length - 0.75, 0.25)] },
          y: { range: [-100, 100] },
        },
        axes: [
          {
            splits: () => points.map((_, i) => i),
            values: (_u, ticks) => ticks.map((t) => points[t]?.key ?? ''),
          },
          { label: 'NPS / share %' },
        ],
        series: [
          { label: 'period', value: (_u, v) => (v === null ? '' : (points[v]?.key ?? '')) },
          { label: 'NPS', stroke: '#1f4e99', width: 3 },
          { label: 'promoters %', stroke: '#1b7a3a', dash: [4, 4] },
          { label: 'passives %', stroke: '#6b6b6b', dash: [2, 4] },
          { label: 'detractors %', stroke: '#b3261e', dash: [4, 4] },
        ],
      },
      data,
      element,
    );
    return () => plot.destroy();
  }, [points]);
  return (
    <div
      ref={box}
      class="chart"
      role="img"
      aria-label="NPS over time with promoter, passive and detractor shares (numbers in the table below)"
    />
  );
}
