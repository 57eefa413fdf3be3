import { BaseEnv } from '@nps/config';
import { WithPrivacySettings } from '@nps/privacy';
import { isTimeZone, ValidateBy } from 'class-validator';

/** Configuration of scoring: classification and NPS analytics. */
export class ScoringEnv extends WithPrivacySettings(BaseEnv) {
  override PORT: number = 3003;

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
