import { promotes, worseBeyondChance } from './model.promotion';

describe('the promotion gate', () => {
  it('calls a candidate worse only when it loses more dev labels than it gains by more than chance', () => {
    expect(worseBeyondChance(5, 4)).toBe(false);
    expect(worseBeyondChance(4, 5)).toBe(false);
    expect(worseBeyondChance(45, 55)).toBe(false);
    expect(worseBeyondChance(40, 60)).toBe(true);
    expect(worseBeyondChance(0, 5)).toBe(true);
    expect(worseBeyondChance(0, 3)).toBe(false);
    expect(worseBeyondChance(0, 0)).toBe(false);
    expect(worseBeyondChance(500, 0)).toBe(false);
  });

  it('promotes a candidate that finds the held-out confirmations at least as often and is not worse on dev beyond chance', () => {
    const even = { devGained: 6, devLost: 9, confirmedFound: 3, confirmedFoundInUse: 0 };
    expect(promotes(even)).toBe(true);
    expect(promotes({ ...even, confirmedFound: 0 })).toBe(true);
    expect(promotes({ ...even, confirmedFound: 0, confirmedFoundInUse: 1 })).toBe(false);
    expect(promotes({ ...even, devGained: 2, devLost: 40 })).toBe(false);
  });
});
