/** A CSV of historical answers: `rows` data lines, every `rejectEvery`-th one with a bad score. */
export function historicalAnswersCsv(
  rows: number,
  rejectEvery: number,
): { csv: string; accepted: number; rejectedLines: number[] } {
  const languages = ['en', 'nl', 'de'];
  const lines = ['customer_id,score,answered_at,language,comment,channel'];
  const rejectedLines: number[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 1; i <= rows; i++) {
    const bad = i % rejectEvery === 0;
    if (bad) rejectedLines.push(i + 1);
    const answeredAt = new Date(start + i * 60_000).toISOString();
    lines.push(`c-${i % 977},${bad ? 'ten' : i % 11},${answeredAt},${languages[i % 3]},"row ${i}, ""quoted""",email`);
  }
  return { csv: `${lines.join('\n')}\n`, accepted: rows - rejectedLines.length, rejectedLines };
}
