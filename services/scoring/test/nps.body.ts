/** The body of `GET /nps`, as far as the tests read it. */
export interface NpsBody {
  rows: ({
    period: string | null;
    group: Record<string, string>;
    n: number;
    promoters: number;
    passives: number;
    detractors: number;
    nps: number;
  } & Record<string, unknown>)[];
}
