import { Injectable } from '@nestjs/common';
import { Topics } from '@nps/contracts';
import { EventTransactions } from '@nps/messaging';
import { TaggingError, TaggingErrorCode } from '../errors/tagging.error';
import { TaggerRegistry } from '../tagging/tagger.registry';
import type { TaggedLanguage } from '../text/language';
import type { AddTagDto, TermDto } from './taxonomy.dto';
import { taxonomyPublishedEvent } from './taxonomy-published.event';
import { TaxonomyRepository } from './taxonomy.repository';
import type { TaxonomyTag, TaxonomyTerm } from './taxonomy.types';
import type { TaxonomyVersionEntity } from './taxonomy-version.entity';

/**
 * Changes to the taxonomy; each makes a new version, which the tagger uses from then on and which
 * is published on nps.taxonomy.published.v1 in the same transaction (docs/adr/0012).
 */
@Injectable()
export class TaxonomyService {
  constructor(
    private readonly taxonomies: TaxonomyRepository,
    private readonly registry: TaggerRegistry,
    private readonly transactions: EventTransactions,
  ) {}

  async addTag(request: AddTagDto): Promise<TaxonomyVersionEntity> {
    const added = await this.append(`added tag ${request.id}`, (tags) => {
      if (tags.some((tag) => tag.id === request.id))
        throw new TaggingError(
          TaggingErrorCode.TAG_ALREADY_EXISTS,
          `tag "${request.id}" already exists; add terms to it instead`,
        );
      const terms = { en: toTerms(request.terms?.en), nl: toTerms(request.terms?.nl), de: toTerms(request.terms?.de) };
      return [...tags, { id: request.id, name: request.name, terms }];
    });
    await this.registry.refresh();
    return added;
  }

  async addTerms(tagId: string, language: TaggedLanguage, terms: TermDto[]): Promise<TaxonomyVersionEntity> {
    const changed = await this.append(`added ${terms.length} ${language} term(s) to ${tagId}`, (tags) => {
      const tag = tags.find((candidate) => candidate.id === tagId);
      if (!tag) throw new TaggingError(TaggingErrorCode.TAG_NOT_FOUND, `no tag "${tagId}" in the taxonomy`);
      tag.terms[language] = mergeTerms(tag.terms[language] ?? [], toTerms(terms));
      return tags;
    });
    await this.registry.refresh();
    return changed;
  }

  private append(describe: string, change: (tags: TaxonomyTag[]) => TaxonomyTag[]): Promise<TaxonomyVersionEntity> {
    return this.transactions.run(async (unitOfWork) => {
      const version = await this.taxonomies.append(unitOfWork.manager, describe, change);
      unitOfWork.publish(Topics.TaxonomyPublished, taxonomyPublishedEvent(version));
      return version;
    });
  }
}

function toTerms(terms: TermDto[] | undefined): TaxonomyTerm[] {
  return (terms ?? []).map((term) =>
    term.polarity ? { text: term.text.trim(), polarity: term.polarity } : { text: term.text.trim() },
  );
}

function mergeTerms(existing: TaxonomyTerm[], added: TaxonomyTerm[]): TaxonomyTerm[] {
  const key = (term: TaxonomyTerm) => `${term.text.toLowerCase()}|${term.polarity ?? ''}`;
  const seen = new Set(existing.map(key));
  return [...existing, ...added.filter((term) => !seen.has(key(term)))];
}
