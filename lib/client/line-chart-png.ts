/**
 * The chart over time as a PNG, drawn on a canvas from the rows shown (not from the page's
 * markup, like the top list's PNG): a title line, a legend, the count axis with its grid, the
 * time axis, and one line per tag in the page's colours, at twice the CSS size.
 */
import { canvasPng, chartCanvas } from './canvas-png';
import type { PngStyle } from './canvas-png';
import { countTicks, fractionOf } from './chart-scale';
import { timeTicks } from './time-ticks';

export interface LineChartPngLine {
  label: string;
  /** A colour a canvas takes (CSS variables resolved). */
  color: string;
  /** One value per x. */
  ys: readonly number[];
}

export interface LineChartPngData {
  title: string;
  /** Epoch ms, ascending. */
  xs: readonly number[];
  lines: readonly LineChartPngLine[];
  formatX: (x: number) => string;
  formatY: (y: number) => string;
}

const WIDTH = 720;
const PLOT_HEIGHT = 280;
const TITLE_HEIGHT = 36;
/** The legend: four tags a row, each label squeezed into its place when longer. */
const LEGEND_ROW_HEIGHT = 22;
const LEGEND_PER_ROW = 4;
const LEGEND_LABEL_WIDTH = 150;
const AXIS_WIDTH = 48;
const AXIS_HEIGHT = 24;
const MARGIN = 16;

export async function lineChartPng(data: LineChartPngData, style: PngStyle): Promise<Blob> {
  const legendHeight = Math.ceil(data.lines.length / LEGEND_PER_ROW) * LEGEND_ROW_HEIGHT;
  const height = TITLE_HEIGHT + legendHeight + 8 + PLOT_HEIGHT + AXIS_HEIGHT;
  const { canvas, context } = chartCanvas(WIDTH, height, style.background);
  context.textBaseline = 'middle';
  context.font = `600 14px ${style.fontFamily}`;
  context.fillStyle = style.text;
  context.fillText(data.title, 12, TITLE_HEIGHT / 2, WIDTH - 24);
  drawLegend(context, data.lines, style);
  const plot = {
    left: AXIS_WIDTH,
    top: TITLE_HEIGHT + legendHeight + 8,
    width: WIDTH - AXIS_WIDTH - MARGIN,
    height: PLOT_HEIGHT,
  };
  const first = data.xs[0] ?? 0;
  const last = data.xs.at(-1) ?? 0;
  const yTicks = countTicks(Math.max(0, ...data.lines.flatMap((line) => line.ys)), 4);
  const top = yTicks.at(-1)!;
  const xAt = (x: number) => plot.left + fractionOf(x, first, last) * plot.width;
  const yAt = (y: number) => plot.top + (1 - y / top) * plot.height;
  context.font = `11px ${style.fontFamily}`;
  context.lineWidth = 1;
  for (const tick of yTicks) {
    context.strokeStyle = style.muted;
    context.globalAlpha = 0.3;
    context.beginPath();
    context.moveTo(plot.left, yAt(tick));
    context.lineTo(plot.left + plot.width, yAt(tick));
    context.stroke();
    context.globalAlpha = 1;
    context.textAlign = 'right';
    context.fillStyle = style.muted;
    context.fillText(data.formatY(tick), plot.left - 6, yAt(tick));
  }
  context.textAlign = 'center';
  for (const tick of timeTicks(first, last)) {
    context.fillText(data.formatX(tick), xAt(tick), plot.top + plot.height + AXIS_HEIGHT / 2);
  }
  context.lineWidth = 2;
  context.lineJoin = 'round';
  for (const line of data.lines) {
    context.strokeStyle = line.color;
    context.beginPath();
    line.ys.forEach((y, place) => {
      const x = xAt(data.xs[place]!);
      if (place === 0) context.moveTo(x, yAt(y));
      else context.lineTo(x, yAt(y));
    });
    context.stroke();
  }
  return canvasPng(canvas);
}

function drawLegend(
  context: CanvasRenderingContext2D,
  lines: readonly LineChartPngLine[],
  style: PngStyle,
) {
  const itemWidth = (WIDTH - 24) / LEGEND_PER_ROW;
  context.font = `12px ${style.fontFamily}`;
  context.textAlign = 'left';
  lines.forEach((line, place) => {
    const left = 12 + (place % LEGEND_PER_ROW) * itemWidth;
    const row = Math.floor(place / LEGEND_PER_ROW);
    const middle = TITLE_HEIGHT + row * LEGEND_ROW_HEIGHT + LEGEND_ROW_HEIGHT / 2;
    context.fillStyle = line.color;
    context.fillRect(left, middle - 4, 8, 8);
    context.fillStyle = style.text;
    context.fillText(line.label, left + 12, middle, LEGEND_LABEL_WIDTH);
  });
}
