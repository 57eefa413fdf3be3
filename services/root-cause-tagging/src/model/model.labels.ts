/** The version string `response tagged` carries: lexicon rules plus logistic regression, version n. */
export function modelVersionLabel(version: number): string {
  return `lexicon-logreg-${version}`;
}
