import { studentTCdf, studentTQuantile } from './student-t';

// Reference values from SciPy 1.x: stats.t.cdf(t, df) and stats.t.ppf(p, df).
describe("Student's t", () => {
  it.each([
    [2, 5, 0.9490303],
    [-1.5, 3, 0.1152919],
    [0, 12, 0.5],
    [1.96, 1e9, 0.9750021],
    [2.5, 30.5, 0.9909919],
  ])('pt(%d, %d) = %d', (t, df, p) => {
    expect(studentTCdf(t, df)).toBeCloseTo(p, 6);
  });

  it.each([
    [0.975, 10, 2.228139],
    [0.975, 30, 2.042272],
    [0.975, 1, 12.7062],
    [0.025, 200, -1.971896],
  ])('qt(%d, %d) = %d', (p, df, t) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(t, 4);
  });
});
