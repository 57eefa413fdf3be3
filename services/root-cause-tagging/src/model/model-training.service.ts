import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectGarbageNow } from '@nps/runtime';
import { DataSource } from 'typeorm';
import { trainingCorpus } from '../evaluation/training.corpus';
import { ConfirmedExampleRepository } from '../learning/confirmed-example.repository';
import { TaggerRegistry } from '../tagging/tagger.registry';
import { TaxonomyRepository } from '../taxonomy/taxonomy.repository';
import { type HeldOutComparison, retrain } from './model.promotion';
import { ModelRepository } from './model.repository';

export interface RetrainSummary {
  promoted: boolean;
  /** The model version in use after the run. */
  modelVersion: number;
  candidateF1: number;
  inUseF1: number;
  /** What the promotion was decided on (ADR 0057). */
  comparison: HeldOutComparison;
  confirmedExamples: number;
  heldOutExamples: number;
}

/** Retrains from the shipped data and confirmed root causes; promotes only a candidate that is not worse (ADR 0057). */
@Injectable()
export class ModelTrainingService {
  private readonly logger = new Logger(ModelTrainingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: TaggerRegistry,
    private readonly models: ModelRepository,
    private readonly examples: ConfirmedExampleRepository,
    private readonly taxonomies: TaxonomyRepository,
  ) {}

  async retrain(trigger: 'on-demand' | 'scheduled'): Promise<RetrainSummary> {
    await this.registry.refresh();
    const summary = await this.dataSource.transaction(async (manager) => {
      await this.taxonomies.lockVersions(manager);
      const inUse = await this.models.inUse(manager);
      if (!inUse) throw new Error('no model in use');
      const { tags, model } = this.registry.current();
      const confirmed = (await this.examples.all(manager)).filter((example) =>
        tags.some((tag) => tag.id === example.tagId),
      );
      // Read per run, not kept: a retrain runs every few hours at most, and the corpus is 7,000 comments.
      const outcome = retrain({ shipped: trainingCorpus(), confirmed, tags, inUse: model });
      const version = outcome.promote ? inUse.version + 1 : inUse.version;
      if (outcome.promote) {
        await this.models.add(manager, {
          version,
          trigger,
          heldOutF1: outcome.candidateF1,
          trainingExamples: outcome.trainingExamples,
          confirmedExamples: confirmed.length,
          weights: outcome.candidate.weights,
        });
      }
      await this.models.recordRun(manager, {
        trigger,
        candidateF1: outcome.candidateF1,
        inUseF1: outcome.inUseF1,
        inUseVersion: inUse.version,
        promotedVersion: outcome.promote ? version : null,
        confirmedExamples: confirmed.length,
      });
      return {
        promoted: outcome.promote,
        modelVersion: version,
        candidateF1: outcome.candidateF1,
        inUseF1: outcome.inUseF1,
        comparison: outcome.comparison,
        confirmedExamples: confirmed.length,
        heldOutExamples: outcome.heldOutExamples,
      };
    });
    // As after the first training (ADR 0061): left to V8, a retrain's garbage stayed until the next burst of answers.
    collectGarbageNow();
    const { f1DifferenceError, confirmedFound, confirmedFoundInUse } = summary.comparison;
    this.logger.log(
      `${trigger} retrain: candidate F1 ${summary.candidateF1.toFixed(3)} vs in use ${summary.inUseF1.toFixed(3)} ` +
        `(standard error of the difference ${f1DifferenceError.toFixed(4)}), ` +
        `held-out confirmations found ${confirmedFound} vs ${confirmedFoundInUse}: ` +
        (summary.promoted ? `promoted as version ${summary.modelVersion}` : 'kept the model in use'),
    );
    await this.registry.refresh();
    return summary;
  }

  /** Whether confirmed root causes changed since the last training run (the scheduler skips otherwise). */
  async hasNewExamples(): Promise<boolean> {
    const { manager } = this.dataSource;
    const [[lastRun], inUse, confirmed] = await Promise.all([
      this.models.runs(manager, 1),
      this.models.inUse(manager),
      this.examples.all(manager),
    ]);
    return confirmed.length !== (lastRun?.confirmedExamples ?? inUse?.confirmedExamples ?? 0);
  }
}
