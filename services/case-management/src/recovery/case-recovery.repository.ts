import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

/** The recovery of a followed-up case as the re-survey measured it. */
export interface CaseRecovery {
  recoveryResponseId: string;
  firstScore: number;
  recoveryScore: number;
  /** Re-survey score minus first score. */
  change: number;
  answeredAt: Date | null;
  measuredAt: Date;
}

@Injectable()
export class CaseRecoveryRepository {
  constructor(private readonly tables: SchemaTables) {}

  /** The first measurement of a case stays (scoring measures each case once; a replay changes nothing). */
  async record(manager: EntityManager, caseId: string, recovery: Omit<CaseRecovery, 'change'>): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.tables.of('case_recoveries')} (case_id, recovery_response_id, first_score, recovery_score,
         answered_at, measured_at)
       SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM ${this.tables.of('cases')} WHERE id = $1)
       ON CONFLICT (case_id) DO NOTHING`,
      [
        caseId,
        recovery.recoveryResponseId,
        recovery.firstScore,
        recovery.recoveryScore,
        recovery.answeredAt,
        recovery.measuredAt,
      ],
    );
  }

  async of(manager: EntityManager, caseId: string): Promise<CaseRecovery | null> {
    const [row]: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM ${this.tables.of('case_recoveries')} WHERE case_id = $1`,
      [caseId],
    );
    if (!row) return null;
    const firstScore = Number(row.first_score);
    const recoveryScore = Number(row.recovery_score);
    return {
      recoveryResponseId: row.recovery_response_id as string,
      firstScore,
      recoveryScore,
      change: recoveryScore - firstScore,
      answeredAt: (row.answered_at as Date | null) ?? null,
      measuredAt: row.measured_at as Date,
    };
  }
}
