import { canvasPng, chartCanvas } from './canvas-png';
import type { PngStyle } from './canvas-png';

/**
 * The top list as a PNG bar chart, drawn on a canvas from the rows shown (not from the page's
 * markup, so it looks the same whatever draws the bars in the page): a title line, then one row
 * per tag with its label, its bar and its count, in the page's colours, at twice the CSS size.
 */
export interface BarChartPngRow {
  label: string;
  value: number;
  valueLabel: string;
  color: string;
}

const WIDTH = 720;
const ROW_HEIGHT = 26;
const TITLE_HEIGHT = 40;
const LABEL_WIDTH = 190;
const VALUE_WIDTH = 70;

export async function barChartPng(
  title: string,
  rows: readonly BarChartPngRow[],
  style: PngStyle,
): Promise<Blob> {
  const height = TITLE_HEIGHT + rows.length * ROW_HEIGHT + 12;
  const { canvas, context } = chartCanvas(WIDTH, height, style.background);
  context.textBaseline = 'middle';
  context.font = `600 14px ${style.fontFamily}`;
  context.fillStyle = style.text;
  context.fillText(title, 12, TITLE_HEIGHT / 2, WIDTH - 24);
  const max = Math.max(1, ...rows.map((row) => row.value));
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 24;
  rows.forEach((row, index) => {
    const middle = TITLE_HEIGHT + index * ROW_HEIGHT + ROW_HEIGHT / 2;
    context.font = `12px ${style.fontFamily}`;
    context.textAlign = 'right';
    context.fillStyle = style.text;
    context.fillText(row.label, LABEL_WIDTH, middle, LABEL_WIDTH - 12);
    const barWidth = Math.max(2, (row.value / max) * barSpace);
    context.fillStyle = row.color;
    context.fillRect(LABEL_WIDTH + 8, middle - 9, barWidth, 18);
    context.textAlign = 'left';
    context.fillStyle = style.muted;
    context.fillText(row.valueLabel, LABEL_WIDTH + 14 + barWidth, middle);
  });
  return canvasPng(canvas);
}
