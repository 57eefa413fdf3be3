import { BaseEnv } from '@nps/config';
import { WithPrivacySettings } from '@nps/privacy';
import { isTimeZone, ValidateBy } from 'class-validator';

/** Configuration of scoring: classification and NPS analytics. */
export class ScoringEnv extends WithPrivacySettings(BaseEnv) {
  override PORT: number = 3003;

  /**
   * Batch mode by default (docs/adr/0039-batch-consumer.md): the rollup changes of a batch's
   * records are added up and written once, which took services/scoring/test/volume-replay.int-spec.ts
   * from 140 s one record per transaction to 89 s (issue #15).
   * 128 records of a partition per transaction since ADR 0075 (32 before): a 20,000-answer import went through the
   * whole loop about a fifth faster.
   */
  override CONSUMER_BATCH_SIZE: number = 128;

  /**
   * All partitions of a fetch at once, so that a topic's are applied in one transaction
   * (docs/adr/0047-partitions-applied-together.md).
   */
  override CONSUMER_PARTITIONS_CONCURRENTLY: number = 32;

  /**
   * IANA time zones whose local days the rollups are kept for; `/nps` answers in these zones
   * only. Adding one needs a rebuild of the rollups (docs/scoring.md).
   */
  @ValidateBy({
    name: 'isTimeZoneList',
    validator: {
      validate: (value) => typeof value === 'string' && value.split(',').every((zone) => isTimeZone(zone.trim())),
      defaultMessage: () => 'must be a comma-separated list of IANA time zones, e.g. UTC,Europe/Amsterdam',
    },
  })
  ROLLUP_TIME_ZONES = 'UTC,Europe/Amsterdam,Europe/London';

  rollupTimeZones(): string[] {
    return [...new Set(this.ROLLUP_TIME_ZONES.split(',').map((zone) => zone.trim()))];
  }
}
