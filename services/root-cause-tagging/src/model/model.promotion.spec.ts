import { promotes, worseBeyondChance } from './model.promotion';

describe('the promotion gate', () => {
  it('calls a candidate worse when its held-out F1 is lower by more than 1.645 standard errors of the difference, or by more than 0.005', () => {
    expect(worseBeyondChance(-0.002, 0.003)).toBe(false);
    expect(worseBeyondChance(-0.004, 0.002)).toBe(true);
    expect(worseBeyondChance(-0.2, 0.01)).toBe(true);
    expect(worseBeyondChance(-0.006, 0.05)).toBe(true);
    expect(worseBeyondChance(-0.004, 0.05)).toBe(false);
    expect(worseBeyondChance(0, 0)).toBe(false);
    expect(worseBeyondChance(0.05, 0.001)).toBe(false);
  });

  it('promotes a candidate that finds the held-out confirmations at least as often and is not worse beyond chance', () => {
    const even = {
      f1: 0.731,
      f1InUse: 0.733,
      f1DifferenceError: 0.003,
      confirmedFound: 3,
      confirmedFoundInUse: 0,
    };
    expect(promotes(even)).toBe(true);
    expect(promotes({ ...even, confirmedFound: 0 })).toBe(true);
    expect(promotes({ ...even, confirmedFound: 0, confirmedFoundInUse: 1 })).toBe(false);
    expect(promotes({ ...even, f1: 0.7 })).toBe(false);
  });
});
