import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TaxonomyVersionEntity } from './taxonomy-version.entity';
import type { TaxonomyTag } from './taxonomy.types';

/** Serialises every change of taxonomy or model across instances, so versions are gap-free and ordered. */
export const VERSION_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('root-cause-tagging:versions'))`;

@Injectable()
export class TaxonomyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async latest(manager: EntityManager = this.dataSource.manager): Promise<TaxonomyVersionEntity | null> {
    return manager.getRepository(TaxonomyVersionEntity).findOne({ where: {}, order: { version: 'DESC' } });
  }

  async latestVersion(): Promise<number> {
    const row = await this.dataSource.getRepository(TaxonomyVersionEntity).createQueryBuilder('t').select('MAX(t.version)', 'max').getRawOne<{ max: number | null }>();
    return row?.max ?? 0;
  }

  async byVersion(version: number): Promise<TaxonomyVersionEntity | null> {
    return this.dataSource.getRepository(TaxonomyVersionEntity).findOneBy({ version });
  }

  async list(): Promise<Pick<TaxonomyVersionEntity, 'version' | 'change' | 'createdAt'>[]> {
    return this.dataSource.getRepository(TaxonomyVersionEntity).find({ select: { version: true, change: true, createdAt: true }, order: { version: 'ASC' } });
  }

  /** Applies `change` to the latest version and stores the result as the next version. */
  async append(describe: string, change: (tags: TaxonomyTag[]) => TaxonomyTag[]): Promise<TaxonomyVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(VERSION_LOCK_SQL);
      const latest = await this.latest(manager);
      const entity = manager.getRepository(TaxonomyVersionEntity).create({
        version: (latest?.version ?? 0) + 1,
        change: describe,
        tags: change(structuredClone(latest?.tags ?? [])),
        createdAt: new Date(),
      });
      return manager.getRepository(TaxonomyVersionEntity).save(entity);
    });
  }
}
