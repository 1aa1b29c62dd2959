import { describe, expect, it } from 'vitest';
import { oncePerObject } from '../../../lib/analysis/once-per-object.js';

describe('oncePerObject', () => {
  it('works a value out once per object, whichever was asked for last', () => {
    const computed: string[] = [];
    const lengthOf = oncePerObject((list: { name: string; items: number[] }) => {
      computed.push(list.name);
      return list.items.length;
    });
    const first = { name: 'first', items: [1, 2, 3] };
    const second = { name: 'second', items: [1] };
    expect([lengthOf(first), lengthOf(first), lengthOf(second), lengthOf(first), lengthOf(second)]).toEqual([
      3, 3, 1, 3, 1,
    ]);
    expect(computed).toEqual(['first', 'second']);
  });

  it('tells two objects with the same contents apart', () => {
    const idOf = oncePerObject((_: object) => Symbol('value'));
    expect(idOf({})).not.toBe(idOf({}));
  });
});
