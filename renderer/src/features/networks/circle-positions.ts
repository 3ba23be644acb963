/**
 * Node positions on one circle, in the given order, starting at the top and going clockwise: what
 * cytoscape's circle layout computes (a test checks it), without running a layout on the first
 * frame (no position events, no bounding boxes worked out twice).
 */
export function circlePositions(count: number, centre: { x: number; y: number }, radius: number): { x: number; y: number }[] {
  return Array.from({ length: count }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, count);
    return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
  });
}
