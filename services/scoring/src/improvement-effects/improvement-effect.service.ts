import { Injectable } from '@nestjs/common';
import type { NpsFilter } from '../nps/dimensions';
import { type NpsSummary, summarize } from '../nps/nps.calculator';
import { NpsService } from '../nps/nps.service';
import { ImprovementActionRepository } from './improvement-action.repository';
import { ImprovementEffectError, ImprovementEffectErrorCode as Code } from './improvement-effect.error';
import type { ImprovementEffectQueryDto } from './improvement-effect.query.dto';
import { effectReport, type ImprovementEffect } from './improvement-effect.report';
import { type EffectWindow, effectWindows } from './improvement-effect.windows';

/**
 * The effect of a released improvement action: its scope's NPS in the windows around the release,
 * compared by the same code as /nps/compare, and the root cause's share of the detractors.
 */
@Injectable()
export class ImprovementEffectService {
  constructor(
    private readonly actions: ImprovementActionRepository,
    private readonly nps: NpsService,
  ) {}

  async effect(id: string, query: ImprovementEffectQueryDto, now = new Date()): Promise<ImprovementEffect> {
    const action = await this.actions.find(id);
    const rootCauseTagId = action?.rootCauseTagId;
    if (!action || !rootCauseTagId)
      throw new ImprovementEffectError(Code.IMPROVEMENT_ACTION_NOT_FOUND, `no improvement action ${id}`);
    if (!action.releasedAt) {
      throw new ImprovementEffectError(
        Code.IMPROVEMENT_ACTION_NOT_RELEASED,
        `improvement action ${id} is ${action.status}, not released: its effect is measured from its release on`,
        { improvementActionStatus: action.status },
      );
    }
    const { releaseDay, before, after } = effectWindows(action.releasedAt, query.windowDays, query.timeZone, now);
    const scope: NpsFilter = {
      timeZone: query.timeZone,
      touchpointType: action.touchpointType ? [action.touchpointType] : undefined,
      segment: action.segment ? [action.segment] : undefined,
    };
    const measured =
      after.from && after.to
        ? await this.nps.compare({
            ...scope,
            from: before.from,
            to: before.to,
            versusFrom: after.from,
            versusTo: after.to,
          })
        : null;
    const beforeNps = measured ? measured.first.summary : await this.summary({ ...scope, ...period(before) });
    const [beforeTagged, afterTagged] = await Promise.all([
      this.taggedDetractors(scope, before, rootCauseTagId),
      this.taggedDetractors(scope, after, rootCauseTagId),
    ]);
    return effectReport({
      action: { ...action, rootCauseTagId },
      timeZone: query.timeZone,
      windowDays: query.windowDays,
      releaseDay,
      before: { ...before, nps: beforeNps, taggedDetractors: beforeTagged },
      after: { ...after, nps: measured?.second.summary ?? null, taggedDetractors: afterTagged },
      change: measured?.change ?? null,
    });
  }

  private async summary(filter: NpsFilter): Promise<NpsSummary | null> {
    const {
      rows: [row],
    } = await this.nps.nps(filter);
    // From the counts alone: the row's period and group (null, {}) are not a window's.
    return row ? summarize({ promoters: row.promoters, passives: row.passives, detractors: row.detractors }) : null;
  }

  private async taggedDetractors(scope: NpsFilter, window: EffectWindow, tag: string): Promise<number> {
    if (!window.from) return 0;
    return (await this.summary({ ...scope, ...period(window), tag }))?.detractors ?? 0;
  }
}

function period(window: EffectWindow): { from?: string; to?: string } {
  return { from: window.from ?? undefined, to: window.to ?? undefined };
}
