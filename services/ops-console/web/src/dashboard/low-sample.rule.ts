/**
 * When a figure stands on too few answers to act on alone (docs/nps-statistics.md: n < 30).
 * Scoring flags NPS rows itself (`lowSample`, below `lowSampleBelow`); the same rule marks the
 * dashboard's other figures (a team's recovered share of 12 cases) so all read alike.
 */
export const LOW_SAMPLE_BELOW = 30;

export function isLowSample(n: number, below: number = LOW_SAMPLE_BELOW): boolean {
  return n < below;
}

/** A row of `/nps`: the API's flag, or its n against the threshold it announced. */
export function rowIsLowSample(row: { n: number; lowSample?: boolean }, below: number = LOW_SAMPLE_BELOW): boolean {
  return row.lowSample === true || isLowSample(row.n, below);
}
