import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TaxonomyTag } from './taxonomy.types';

/** One version of the taxonomy, whole: versions are never changed, only added. */
@Entity('taxonomy_versions')
export class TaxonomyVersionEntity {
  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  change: string;

  @Column({ type: 'jsonb' })
  tags: TaxonomyTag[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
