import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseErrorCode } from '../errors/case-error.code';
import { CaseError } from '../errors/case.error';
import { RootCauseRepository } from './root-cause.repository';

/**
 * Whether a resolution names a root cause of the current taxonomy: a tag id (`delivery`) or a more
 * specific id below one (`delivery.late`). Unknown ids are refused with 400 naming the field.
 */
@Injectable()
export class RootCauseCheck {
  constructor(private readonly rootCauses: RootCauseRepository) {}

  async assertKnown(manager: EntityManager, rootCauseTagId: string): Promise<void> {
    const [tagId] = rootCauseTagId.split('.');
    if (await this.rootCauses.find(manager, tagId)) return;
    const version = await this.rootCauses.version(manager);
    const why =
      version === 0
        ? 'no root-cause taxonomy has been received from root-cause-tagging yet'
        : `"${tagId}" is not a tag of taxonomy version ${version}`;
    throw new CaseError(CaseErrorCode.UNKNOWN_ROOT_CAUSE, `rootCauseTagId: ${why} (GET /root-causes lists them)`, {
      field: 'rootCauseTagId',
    });
  }
}
