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

export interface BarChartPngStyle {
  background: string;
  text: string;
  muted: string;
  fontFamily: string;
}

const SCALE = 2;
const WIDTH = 720;
const ROW_HEIGHT = 26;
const TITLE_HEIGHT = 40;
const LABEL_WIDTH = 190;
const VALUE_WIDTH = 70;

export function barChartPng(
  title: string,
  rows: readonly BarChartPngRow[],
  style: BarChartPngStyle,
): Promise<Blob> {
  const canvas = document.createElement('canvas');
  const height = TITLE_HEIGHT + rows.length * ROW_HEIGHT + 12;
  canvas.width = WIDTH * SCALE;
  canvas.height = height * SCALE;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('No 2D canvas in this browser'));
  context.scale(SCALE, SCALE);
  context.fillStyle = style.background;
  context.fillRect(0, 0, WIDTH, height);
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
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png',
    ),
  );
}
