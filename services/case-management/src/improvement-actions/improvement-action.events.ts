import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Topics } from '@nps/contracts';
import type { ImprovementActionRecord } from './improvement-action.record';

type Init<K extends keyof typeof Topics> = MessageInitShape<(typeof Topics)[K]['schema']>;

/** The contract messages of improvement-action changes; the event id is left to the unit of work. */
export class ImprovementActionEvents {
  static opened(action: ImprovementActionRecord): Init<'ImprovementActionOpened'> {
    return {
      occurredAt: timestampFromDate(action.createdAt),
      improvementActionId: action.id,
      title: action.title,
      rootCauseTagId: action.rootCauseTagId,
      touchpointType: action.touchpointType ?? '',
      segment: action.segment ?? '',
      ownerId: action.ownerId,
      actorId: action.openedBy,
    };
  }

  static released(action: ImprovementActionRecord, actorId: string): Init<'ImprovementActionReleased'> {
    if (!action.releasedAt) throw new Error(`improvement action ${action.id} has no release time`);
    return {
      occurredAt: timestampFromDate(action.updatedAt),
      improvementActionId: action.id,
      releasedAt: timestampFromDate(action.releasedAt),
      actorId,
    };
  }

  static closed(action: ImprovementActionRecord, actorId: string): Init<'ImprovementActionClosed'> {
    return {
      occurredAt: timestampFromDate(action.closedAt ?? action.updatedAt),
      improvementActionId: action.id,
      note: action.closeNote ?? '',
      actorId,
    };
  }
}
