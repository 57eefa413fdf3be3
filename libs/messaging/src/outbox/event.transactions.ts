import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MessagingSettings } from '../messaging.settings';
import { UnitOfWork } from './unit-of-work';

/** Runs work that changes state and publishes events (from an HTTP request, a job…) in one transaction. */
@Injectable()
export class EventTransactions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: MessagingSettings,
  ) {}

  async run<T>(work: (unitOfWork: UnitOfWork) => Promise<T>): Promise<T> {
    let unitOfWork: UnitOfWork | undefined;
    const result = await this.dataSource.transaction(async (manager) => {
      unitOfWork = new UnitOfWork(manager, this.settings.schema, this.settings.source);
      const done = await work(unitOfWork);
      await unitOfWork.flush();
      return done;
    });
    unitOfWork?.committed();
    return result;
  }
}
