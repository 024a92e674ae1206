/**
 * A canvas for a chart drawn as a PNG in the browser (`bar-chart-png.ts`, `line-chart-png.ts`):
 * at twice the CSS size, filled with the page's background; and its encoding.
 */

/** The page's look, read from its computed styles, that a chart drawn on a canvas copies. */
export interface PngStyle {
  background: string;
  text: string;
  muted: string;
  fontFamily: string;
}

const SCALE = 2;

export function chartCanvas(
  width: number,
  height: number,
  background: string,
): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas in this browser');
  context.scale(SCALE, SCALE);
  context.fillStyle = background;
  context.fillRect(0, 0, width, height);
  return { canvas, context };
}

export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png',
    ),
  );
}
