import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ConfirmedExample } from '../model/model.trainer';
import { isTaggedLanguage } from '../text/language';
import { TaggedCommentEntity } from '../tagging/tagged-comment.entity';
import { ConfirmedRootCauseEntity } from './confirmed-root-cause.entity';

@Injectable()
export class ConfirmedExampleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Confirmed root causes of comments we tagged in one of our languages: the labelled examples of the loop. */
  async all(manager: EntityManager = this.dataSource.manager): Promise<ConfirmedExample[]> {
    const rows = await manager
      .getRepository(ConfirmedRootCauseEntity)
      .createQueryBuilder('r')
      .innerJoin(TaggedCommentEntity, 'c', 'c.response_id = r.response_id')
      .select(['r.response_id AS "responseId"', 'r.tag_id AS "tagId"', 'c.comment AS "text"', 'c.language AS "language"'])
      .orderBy('r.response_id')
      .getRawMany<{ responseId: string; tagId: string; text: string; language: string }>();
    return rows.flatMap((row) => (isTaggedLanguage(row.language) && row.text.trim() !== '' ? [{ ...row, language: row.language }] : []));
  }
}
