import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TaggedCommentEntity } from './tagged-comment.entity';

@Injectable()
export class TaggedCommentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(responseId: string, manager: EntityManager = this.dataSource.manager): Promise<TaggedCommentEntity | null> {
    return manager.getRepository(TaggedCommentEntity).findOneBy({ responseId });
  }

  async save(manager: EntityManager, comment: TaggedCommentEntity): Promise<void> {
    await manager.getRepository(TaggedCommentEntity).upsert(comment, ['responseId']);
  }

  /** Comments tagged with other versions than these, oldest response first, `limit` at a time. */
  async taggedWithOtherVersions(manager: EntityManager, taxonomyVersion: number, modelVersion: number, limit: number): Promise<TaggedCommentEntity[]> {
    return manager
      .getRepository(TaggedCommentEntity)
      .createQueryBuilder('c')
      .where('(c.taxonomy_version <> :taxonomyVersion OR c.model_version <> :modelVersion)', { taxonomyVersion, modelVersion })
      .orderBy('c.response_id')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }
}
