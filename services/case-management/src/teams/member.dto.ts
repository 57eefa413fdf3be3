import { ApiProperty, PickType } from '@nestjs/swagger';
import { CreateMemberDto } from './team.dto';

/** A member of a team. */
export class MemberDto extends PickType(CreateMemberDto, ['id', 'name', 'email'] as const) {
  @ApiProperty() teamId!: string;
  @ApiProperty({ description: 'false while on leave: routing skips the member' }) available!: boolean;
  @ApiProperty() version!: number;
}
