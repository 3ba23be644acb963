/** A rectangle in screen coordinates (Electron's Rectangle). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the main window was when it was last closed. */
export interface WindowState {
  bounds: Rect | null;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW: WindowState = { bounds: null, width: 1440, height: 900, maximized: false };
const MIN = { width: 960, height: 600 };

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The saved window state, checked: a file that cannot be read gives the default window; a
 * position on a display that is gone (or showing less than 100×100 pixels of the window) is
 * dropped so the window opens centred; sizes are kept within the minimum and the display.
 * Plain (no Electron import): main passes `screen.getAllDisplays()`' work areas.
 */
export function parseWindowState(text: string | null, workAreas: Rect[]): WindowState {
  let saved: unknown;
  try {
    saved = text ? JSON.parse(text) : null;
  } catch {
    saved = null;
  }
  const s = saved as Partial<{ x: unknown; y: unknown; width: unknown; height: unknown; maximized: unknown }> | null;
  const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!s || !num(s.width) || !num(s.height)) return DEFAULT_WINDOW;
  const largest = workAreas.reduce(
    (a, b) => (b.width * b.height > a.width * a.height ? b : a),
    workAreas[0] ?? { x: 0, y: 0, width: 1440, height: 900 },
  );
  const width = Math.round(Math.min(Math.max(s.width, MIN.width), Math.max(largest.width, MIN.width)));
  const height = Math.round(Math.min(Math.max(s.height, MIN.height), Math.max(largest.height, MIN.height)));
  const maximized = s.maximized === true;
  if (!num(s.x) || !num(s.y)) return { bounds: null, width, height, maximized };
  const bounds = { x: Math.round(s.x), y: Math.round(s.y), width, height };
  const visible = workAreas.some((area) => overlap(bounds, area) >= 100 * 100);
  return { bounds: visible ? bounds : null, width, height, maximized };
}

/** What is saved when the window closes. */
export function serializeWindowState(bounds: Rect, maximized: boolean): string {
  return `${JSON.stringify({ ...bounds, maximized })}\n`;
}
