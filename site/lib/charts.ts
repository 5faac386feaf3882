// Chart.js with only the pieces our charts use (bar and line), loaded on demand so pages render their tables first.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

export interface ChartSpec {
  kind: 'bar' | 'line';
  labels: string[];
  values: (number | null)[];
  seriesLabel: string;
  min: number;
  max: number;
  horizontal?: boolean;
  /** A horizontal reference line, drawn as a second dashed series (e.g. a grade boundary). */
  reference?: { value: number; label: string };
  /** A second bar series stacked on the first (e.g. reports past the SLA), named in the legend. */
  stacked?: { label: string; values: (number | null)[] };
}

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  const ink = '#0b5563';
  const datasets: any[] = [
    {
      type: spec.kind,
      label: spec.seriesLabel,
      data: spec.values,
      backgroundColor: ink,
      borderColor: ink,
      borderWidth: 2,
      spanGaps: true,
      pointRadius: 4,
      pointStyle: 'rectRot',
    },
  ];
  // A "late" series with nothing in it only adds a legend entry that suggests something was late (issue 17).
  if (spec.stacked && spec.stacked.values.some((v) => (v ?? 0) > 0)) {
    datasets.push({
      type: 'bar',
      label: spec.stacked.label,
      data: spec.stacked.values,
      backgroundColor: '#a4001d',
      borderColor: '#1b1f24',
      borderWidth: 1,
    });
  }
  if (spec.reference) {
    datasets.push({
      type: 'line',
      label: spec.reference.label,
      data: spec.labels.map(() => spec.reference!.value),
      borderColor: '#a4001d',
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 0,
    });
  }
  // Labels as large as the page's small print (0.9 of the reader's text size, never under 14 px), so that they stay
  // readable on a 360 px phone and grow with the reader's text setting.
  const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const font = { size: Math.max(14, Math.round(rootPx * 0.9)) };
  const valueAxis = { min: spec.min, max: spec.max, ticks: { color: '#1b1f24', font }, grid: { color: '#d5dde2' } };
  const categoryAxis = { ticks: { color: '#1b1f24', font, autoSkip: true, autoSkipPadding: 8, maxRotation: 0 }, grid: { display: false } };
  return new Chart(canvas, {
    type: spec.kind,
    data: { labels: spec.labels, datasets },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: spec.horizontal
        ? { x: { ...valueAxis, stacked: !!spec.stacked }, y: { ...categoryAxis, stacked: !!spec.stacked } }
        : { x: { ...categoryAxis, stacked: !!spec.stacked }, y: { ...valueAxis, stacked: !!spec.stacked } },
      plugins: {
        tooltip: { enabled: true },
        legend: { display: datasets.length > 1, labels: { color: '#1b1f24', font } },
      },
    },
  });
}
