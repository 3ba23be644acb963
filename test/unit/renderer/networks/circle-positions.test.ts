import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { circlePositions } from '../../../../renderer/src/features/networks/circle-positions';

describe('circle positions for a dense network', () => {
  it("are where cytoscape's circle layout puts the nodes, in order, on the same circle", () => {
    for (const count of [1, 2, 7, 506]) {
      const width = 900;
      const height = 600;
      const radius = 270;
      const cy = cytoscape({
        headless: true,
        elements: Array.from({ length: count }, (_, i) => ({ data: { id: `n${i}`, order: i } })),
      });
      cy.layout({
        name: 'circle',
        avoidOverlap: false,
        fit: false,
        radius,
        boundingBox: { x1: 0, y1: 0, w: width, h: height },
        sort: (a: cytoscape.NodeSingular, b: cytoscape.NodeSingular) => a.data('order') - b.data('order'),
      } as cytoscape.LayoutOptions).run();
      const ours = circlePositions(count, { x: width / 2, y: height / 2 }, radius);
      cy.nodes().forEach((node) => {
        const mine = ours[node.data('order') as number]!;
        expect(mine.x).toBeCloseTo(node.position('x'), 6);
        expect(mine.y).toBeCloseTo(node.position('y'), 6);
      });
      cy.destroy();
    }
  });

  it('spreads the nodes evenly: every node at the radius, neighbours equally far apart', () => {
    const spots = circlePositions(12, { x: 10, y: 20 }, 100);
    expect(spots[0]!.x).toBeCloseTo(10, 9);
    expect(spots[0]!.y).toBeCloseTo(-80, 9);
    for (const spot of spots) expect(Math.hypot(spot.x - 10, spot.y - 20)).toBeCloseTo(100, 9);
    const gap = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
    for (let i = 0; i < 12; i++) expect(gap(spots[i]!, spots[(i + 1) % 12]!)).toBeCloseTo(gap(spots[0]!, spots[1]!), 9);
    // Clockwise on screen (y grows downwards): the second node is right of the first.
    expect(spots[1]!.x).toBeGreaterThan(spots[0]!.x);
  });
});
