import { NpsCategory } from '../generated/nps/v1/scoring_pb';
import { categoryOf, npsCategory } from './nps.categories';

describe('NPS categories', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ] as const)('classify %i as %s', (score, category) => expect(categoryOf(score)).toBe(category));

  it.each([-1, 11, 7.5, Number.NaN])('refuse %p as a score', (score) =>
    expect(() => categoryOf(score)).toThrow(RangeError),
  );

  it('name every category of the contract, as its enum name in lower case', () => {
    const named = Object.values(NpsCategory).filter(
      (value): value is NpsCategory => typeof value === 'number' && value !== NpsCategory.UNSPECIFIED,
    );
    expect(named.map((category) => npsCategory(NpsCategory[category].toLowerCase() as never))).toEqual(named);
  });
});
