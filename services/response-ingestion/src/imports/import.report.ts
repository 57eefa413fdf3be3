import { ApiProperty } from '@nestjs/swagger';
import type { FieldProblem } from '../errors/ingestion.error';

/** Reject details kept in a report; the counts stay exact beyond it. */
export const MAX_REPORTED_REJECTS = 10_000;

export class ImportReject {
  @ApiProperty({ description: 'Line of the file (CSV: counting the header as line 1; JSON array: position).' })
  line: number;

  @ApiProperty({ description: 'The column at fault, or "row" when the line could not be read at all.' })
  field: string;

  @ApiProperty()
  reason: string;
}

export class ImportReport {
  @ApiProperty()
  importId: string;

  @ApiProperty({ description: 'Data rows read.' })
  rows: number = 0;

  @ApiProperty({ description: 'Valid rows: published now plus already imported by an earlier run of this import.' })
  accepted: number = 0;

  @ApiProperty({ description: 'Rows stored and published (`response received`, source IMPORT) by this run.' })
  published: number = 0;

  @ApiProperty({
    description: 'Valid rows an earlier run of the same import already stored and published: not published again.',
  })
  alreadyImported: number = 0;

  @ApiProperty()
  rejected: number = 0;

  @ApiProperty({ type: [ImportReject], description: `One entry per problem, at most ${MAX_REPORTED_REJECTS}.` })
  rejects: ImportReject[] = [];

  @ApiProperty()
  rejectsTruncated: boolean = false;

  constructor(importId: string) {
    this.importId = importId;
  }

  reject(line: number, problems: FieldProblem[]): void {
    this.rejected++;
    for (const problem of problems) {
      if (this.rejects.length < MAX_REPORTED_REJECTS) this.rejects.push({ line, ...problem });
      else this.rejectsTruncated = true;
    }
  }
}
