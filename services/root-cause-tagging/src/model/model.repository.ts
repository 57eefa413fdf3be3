import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ModelTrainingRunEntity } from './model-training-run.entity';
import { ModelVersionEntity } from './model-version.entity';

@Injectable()
export class ModelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The model in use (the highest promoted version), with its weights. */
  async inUse(manager: EntityManager = this.dataSource.manager): Promise<ModelVersionEntity | null> {
    return manager.getRepository(ModelVersionEntity).createQueryBuilder('m').addSelect('m.weights').orderBy('m.version', 'DESC').limit(1).getOne();
  }

  async latestVersion(): Promise<number> {
    const row = await this.dataSource.getRepository(ModelVersionEntity).createQueryBuilder('m').select('MAX(m.version)', 'max').getRawOne<{ max: number | null }>();
    return row?.max ?? 0;
  }

  async versions(): Promise<ModelVersionEntity[]> {
    return this.dataSource.getRepository(ModelVersionEntity).find({ order: { version: 'DESC' } });
  }

  async runs(limit: number): Promise<ModelTrainingRunEntity[]> {
    return this.dataSource.getRepository(ModelTrainingRunEntity).find({ order: { id: 'DESC' }, take: limit });
  }

  async add(manager: EntityManager, model: Omit<ModelVersionEntity, 'createdAt'>): Promise<void> {
    await manager.getRepository(ModelVersionEntity).insert({ ...model, createdAt: new Date() });
  }

  async recordRun(manager: EntityManager, run: Omit<ModelTrainingRunEntity, 'id' | 'ranAt'>): Promise<void> {
    await manager.getRepository(ModelTrainingRunEntity).insert({ ...run, ranAt: new Date() });
  }
}
