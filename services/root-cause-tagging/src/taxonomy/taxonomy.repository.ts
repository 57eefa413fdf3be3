import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { lockForTransaction, SchemaTables } from '@nps/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { TaxonomyVersionEntity } from './taxonomy-version.entity';
import type { TaxonomyTag } from './taxonomy.types';

@Injectable()
export class TaxonomyRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: SchemaTables,
  ) {}

  /** Serialises every change of taxonomy or model across instances, so versions are gap-free and ordered. */
  async lockVersions(manager: EntityManager): Promise<void> {
    await lockForTransaction(manager, `${this.tables.schema}:versions`, 'taxonomy-and-model');
  }

  async latest(manager: EntityManager = this.dataSource.manager): Promise<TaxonomyVersionEntity | null> {
    return manager.getRepository(TaxonomyVersionEntity).findOne({ where: {}, order: { version: 'DESC' } });
  }

  async latestVersion(): Promise<number> {
    const row = await this.dataSource
      .getRepository(TaxonomyVersionEntity)
      .createQueryBuilder('t')
      .select('MAX(t.version)', 'max')
      .getRawOne<{ max: number | null }>();
    return row?.max ?? 0;
  }

  async byVersion(version: number): Promise<TaxonomyVersionEntity | null> {
    return this.dataSource.getRepository(TaxonomyVersionEntity).findOneBy({ version });
  }

  async list(): Promise<Pick<TaxonomyVersionEntity, 'version' | 'change' | 'createdAt'>[]> {
    return this.dataSource
      .getRepository(TaxonomyVersionEntity)
      .find({ select: { version: true, change: true, createdAt: true }, order: { version: 'ASC' } });
  }

  /** Applies `change` to the latest version and stores the result as the next version, in the caller's transaction. */
  async append(
    manager: EntityManager,
    describe: string,
    change: (tags: TaxonomyTag[]) => TaxonomyTag[],
  ): Promise<TaxonomyVersionEntity> {
    await this.lockVersions(manager);
    const latest = await this.latest(manager);
    const entity = manager.getRepository(TaxonomyVersionEntity).create({
      version: (latest?.version ?? 0) + 1,
      change: describe,
      tags: change(structuredClone(latest?.tags ?? [])),
      createdAt: new Date(),
    });
    return manager.getRepository(TaxonomyVersionEntity).save(entity);
  }

  /** Stores `entity` as is (the first version). */
  async insert(manager: EntityManager, entity: TaxonomyVersionEntity): Promise<void> {
    await manager.getRepository(TaxonomyVersionEntity).insert(entity);
  }
}
