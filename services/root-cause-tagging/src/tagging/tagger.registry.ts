import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Topics } from '@nps/contracts';
import { EventTransactions, InfrastructureOutages } from '@nps/messaging';
import { collectGarbageNow } from '@nps/runtime';
import { DataSource } from 'typeorm';
import { trainingCorpus } from '../evaluation/training.corpus';
import { heldOutF1 } from '../model/model.promotion';
import { ModelRepository } from '../model/model.repository';
import { trainModel } from '../model/model.trainer';
import { TagClassifier } from '../model/tag.classifier';
import { RootCauseTaggingEnv } from '../root-cause-tagging.env';
import { initialTaxonomyTags } from '../taxonomy/initial-taxonomy';
import { taxonomyPublishedEvent } from '../taxonomy/taxonomy-published.event';
import { TaxonomyRepository } from '../taxonomy/taxonomy.repository';
import { TaxonomyVersionEntity } from '../taxonomy/taxonomy-version.entity';
import type { TaxonomyTag } from '../taxonomy/taxonomy.types';
import { CommentTagger } from './comment.tagger';

export interface TaggerInUse {
  tagger: CommentTagger;
  tags: TaxonomyTag[];
  taxonomyVersion: number;
  model: TagClassifier;
  modelVersion: number;
}

/**
 * The tagger built from the latest taxonomy and the model in use. Creates version 1 of both on
 * first start (the initial taxonomy, a model trained on the shipped train split), and picks up
 * versions made by other instances every TAGGING_REFRESH_INTERVAL_MS.
 */
@Injectable()
export class TaggerRegistry implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TaggerRegistry.name);
  private state: TaggerInUse | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: EventTransactions,
    private readonly taxonomies: TaxonomyRepository,
    private readonly models: ModelRepository,
    private readonly env: RootCauseTaggingEnv,
    private readonly outages: InfrastructureOutages,
  ) {}

  async onModuleInit(): Promise<void> {
    // Training allocates several times what the model keeps; left to V8, that garbage met the first burst of answers.
    if (await this.createFirstVersions()) collectGarbageNow();
    await this.reload();
    const refresh = () => this.outages.guard('tagger refresh', () => this.refresh());
    this.timer = setInterval(
      () => void refresh().catch((error: Error) => this.logger.warn(`tagger refresh failed: ${error.message}`)),
      this.env.TAGGING_REFRESH_INTERVAL_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  current(): TaggerInUse {
    if (!this.state) throw new Error('the tagger is used before the module is initialised');
    return this.state;
  }

  /** Rebuilds the tagger when the taxonomy or the model has a newer version than the one in use. */
  async refresh(): Promise<void> {
    const [taxonomyVersion, modelVersion] = await Promise.all([
      this.taxonomies.latestVersion(),
      this.models.latestVersion(this.dataSource.manager),
    ]);
    if (taxonomyVersion !== this.state?.taxonomyVersion || modelVersion !== this.state?.modelVersion)
      await this.reload();
  }

  private async reload(): Promise<void> {
    const [taxonomy, model] = await Promise.all([this.taxonomies.latest(), this.models.inUse(this.dataSource.manager)]);
    if (!taxonomy || !model) throw new Error('no taxonomy or model version: the first versions were not created');
    const classifier = TagClassifier.fromWeights(model.weights);
    this.state = {
      tagger: new CommentTagger(taxonomy.tags, classifier),
      tags: taxonomy.tags,
      taxonomyVersion: taxonomy.version,
      model: classifier,
      modelVersion: model.version,
    };
    this.logger.log(`tagging with taxonomy version ${taxonomy.version} and model version ${model.version}`);
  }

  /** Whether it trained model version 1. */
  private async createFirstVersions(): Promise<boolean> {
    return this.transactions.run(async (unitOfWork) => {
      const { manager } = unitOfWork;
      await this.taxonomies.lockVersions(manager);
      let taxonomy = await this.taxonomies.latest(manager);
      if (!taxonomy) {
        taxonomy = manager
          .getRepository(TaxonomyVersionEntity)
          .create({ version: 1, change: 'initial taxonomy', tags: initialTaxonomyTags(), createdAt: new Date() });
        await this.taxonomies.insert(manager, taxonomy);
      }
      unitOfWork.publish(Topics.TaxonomyPublished, taxonomyPublishedEvent(taxonomy));
      if (await this.models.inUse(manager)) return false;
      const shipped = trainingCorpus();
      const train = shipped.filter((comment) => comment.split === 'train');
      const model = trainModel(
        train,
        [],
        taxonomy.tags,
        shipped.filter((comment) => comment.split === 'dev'),
      );
      const f1 = heldOutF1(
        new CommentTagger(taxonomy.tags, model),
        shipped.filter((comment) => comment.split === 'dev'),
        [],
      );
      await this.models.add(manager, {
        version: 1,
        trigger: 'initial',
        heldOutF1: f1,
        trainingExamples: train.length,
        confirmedExamples: 0,
        weights: model.weights,
      });
      return true;
    });
  }
}
