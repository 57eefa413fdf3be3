import { jsonDepthOf } from './json-depth';

describe('jsonDepthOf', () => {
  it.each([
    ['5', 0],
    ['{}', 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['{"text":"[[[[{{{{"}', 1],
    ['{"text":"a \\" [[[[ \\\\"}', 1],
    ['[[[[[[[[[[', 10],
    ['[]'.repeat(1000), 1],
  ])('reads %p as depth %p', (text, depth) => {
    expect(jsonDepthOf(Buffer.from(text))).toBe(depth);
  });

  it('reads 20,000 nested arrays without recursion', () => {
    expect(jsonDepthOf(Buffer.from(`${'['.repeat(20000)}${']'.repeat(20000)}`))).toBe(20000);
  });
});
