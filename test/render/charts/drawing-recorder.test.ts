import { describe, expect, it } from 'vitest';
import { DrawingRecorder, parseColor } from '../../../src/render/charts/drawing-recorder.ts';

describe('DrawingRecorder (a canvas context for Vega)', () => {
  it('clips everything to the chart box', () => {
    const d = new DrawingRecorder(100, 40).drawing();
    expect(d).toMatchObject({ kind: 'chart-drawing', width: 100, height: 40 });
    expect(d.ops[0]).toEqual({ op: 'save' });
    expect(d.ops[1]).toEqual({ op: 'clip', path: [['M', 0, 0], ['L', 100, 0], ['L', 100, 40], ['L', 0, 40], ['Z']] });
    expect(d.ops.at(-1)).toEqual({ op: 'restore' });
  });

  it('fixes path points with the transformation current when they are added, like a canvas', () => {
    // Vega's symbol marks: translate, define the shape, translate back, then fill.
    const ctx = new DrawingRecorder(100, 40);
    ctx.translate(10, 20);
    ctx.beginPath();
    ctx.rect(-2, -2, 4, 4);
    ctx.translate(-10, -20);
    ctx.fillStyle = '#b2182b';
    ctx.fill();
    expect(ctx.ops.at(-1)).toEqual({
      op: 'fill',
      path: [['M', 8, 18], ['L', 12, 18], ['L', 12, 22], ['L', 8, 22], ['Z']],
      paint: { color: '#b2182b', opacity: 1 },
    });
  });

  it('restores transformation and style with restore()', () => {
    const ctx = new DrawingRecorder(100, 40);
    ctx.fillStyle = '#111111';
    ctx.save();
    ctx.translate(5, 5);
    ctx.fillStyle = '#222222';
    ctx.restore();
    ctx.fillRect(0, 0, 1, 1);
    expect(ctx.ops.at(-1)).toMatchObject({ op: 'fill', path: [['M', 0, 0], ['L', 1, 0], ['L', 1, 1], ['L', 0, 1], ['Z']], paint: { color: '#111111' } });
    expect(ctx.ops.slice(-3, -1)).toEqual([{ op: 'save' }, { op: 'restore' }]);
  });

  it('records text with its font, alignment and place; a rotation travels with it', () => {
    const ctx = new DrawingRecorder(100, 40);
    ctx.translate(3, 4);
    ctx.font = 'bold 8.5px Roboto';
    ctx.textAlign = 'center';
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText('19,6%', 10, 12);
    expect(ctx.ops.at(-1)).toEqual({
      op: 'text', text: '19,6%', x: 13, y: 16, align: 'center', size: 8.5, weight: 'bold', italic: false, family: 'Roboto',
      paint: { color: '#1a1a1a', opacity: 1 },
    });
    ctx.rotate(Math.PI / 2);
    ctx.font = 'italic 600 9px "Roboto"';
    ctx.textAlign = 'right';
    ctx.fillText('as', 1, 2);
    const rotated = ctx.ops.at(-1);
    expect(rotated).toMatchObject({ op: 'text', x: 1, y: 2, align: 'right', weight: 'bold', italic: true, family: 'Roboto' });
    expect((rotated as { matrix: number[] }).matrix.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, 1, -1, 0, 3, 4]);
  });

  it('keeps a stroke under a scaling in the scaled coordinates, so the pen scales too', () => {
    const ctx = new DrawingRecorder(100, 40);
    ctx.scale(2, 2);
    ctx.beginPath();
    ctx.moveTo(1, 1);
    ctx.lineTo(5, 1);
    ctx.strokeStyle = '#333333';
    ctx.lineWidth = 0.5;
    ctx.stroke();
    expect(ctx.ops.at(-1)).toMatchObject({ op: 'stroke', path: [['M', 1, 1], ['L', 5, 1]], matrix: [2, 0, 0, 2, 0, 0], stroke: { width: 0.5, color: '#333333' } });
  });

  it('draws arcs as Bézier curves through their end points', () => {
    const ctx = new DrawingRecorder(100, 40);
    ctx.beginPath();
    ctx.arc(10, 10, 5, 0, Math.PI * 2);
    ctx.fillStyle = 'black';
    ctx.fill();
    const path = (ctx.ops.at(-1) as { path: (string | number)[][] }).path;
    expect(path[0]).toEqual(['M', 15, 10]);
    expect(path.filter((s) => s[0] === 'C')).toHaveLength(4);
    const end = path.at(-1)!;
    expect([end[5], end[6]].map((v) => Math.round(Number(v) * 1e9) / 1e9)).toEqual([15, 10]);
  });

  it('multiplies opacity and leaves out what is invisible', () => {
    const ctx = new DrawingRecorder(100, 40);
    ctx.rect(0, 0, 1, 1);
    ctx.globalAlpha = 0.5;
    ctx.fillStyle = 'rgba(255, 0, 0, 0.5)';
    ctx.fill();
    expect(ctx.ops.at(-1)).toMatchObject({ op: 'fill', paint: { color: '#ff0000', opacity: 0.25 } });
    const count = ctx.ops.length;
    ctx.fillStyle = 'transparent';
    ctx.fill();
    ctx.globalAlpha = 0;
    ctx.fillStyle = '#000';
    ctx.fill();
    expect(ctx.ops).toHaveLength(count);
  });

  it('parses the colours Vega writes', () => {
    expect(parseColor('#ABC')).toEqual({ color: '#abc', opacity: 1 });
    expect(parseColor('#11223380')).toEqual({ color: '#112233', opacity: 128 / 255 });
    expect(parseColor('rgb(26, 26, 26)')).toEqual({ color: '#1a1a1a', opacity: 1 });
    expect(parseColor('none')).toBeNull();
    expect(() => parseColor('hsl(0, 0%, 0%)')).toThrow(/kleur/);
  });

  it('refuses what it cannot draw faithfully', () => {
    const ctx = new DrawingRecorder(100, 40);
    expect(() => ctx.createLinearGradient()).toThrow(/niet ondersteund/);
    expect(() => ctx.drawImage()).toThrow(/niet ondersteund/);
    expect(() => (ctx.globalCompositeOperation = 'multiply')).toThrow(/niet ondersteund/);
    ctx.textBaseline = 'top';
    ctx.fillStyle = '#000';
    expect(() => ctx.fillText('x', 0, 0)).toThrow(/textBaseline/);
  });
});
