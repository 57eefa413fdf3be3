import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConfigChangeRepository } from '../activity/config-change.repository';
import { CaseManagementEnv } from '../case-management.env';
import { TeamRepository } from './team.repository';

/**
 * A fresh install routes detractors at once: the default team exists (Mon–Fri 09:00–17:00) until someone configures
 * more.
 */
@Injectable()
export class DefaultTeamSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DefaultTeamSeeder.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly teams: TeamRepository,
    private readonly log: ConfigChangeRepository,
    private readonly env: CaseManagementEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.db.transaction(async (manager) => {
      const team = {
        id: this.env.DEFAULT_TEAM_ID,
        name: 'Customer care',
        leadMemberId: null,
        escalationMemberId: null,
        escalationEmail: null,
        webhookUrl: null,
        language: 'en',
        calendar: {
          timeZone: this.env.DEFAULT_TEAM_TIME_ZONE,
          workingDays: [1, 2, 3, 4, 5],
          dayStart: '09:00',
          dayEnd: '17:00',
          holidays: [],
        },
      };
      if (!(await this.teams.insert(manager, team))) return;
      await this.log.record(manager, {
        entity: 'team',
        entityId: team.id,
        version: 1,
        action: 'created',
        actorId: '',
        snapshot: { ...team, version: 1 },
      });
      this.logger.log(`created the default team ${team.id}`);
    });
  }
}
