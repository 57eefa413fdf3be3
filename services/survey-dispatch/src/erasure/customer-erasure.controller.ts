import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles, Scopes } from '@nps/auth';
import { CustomerErasureDto } from './customer-erasure.dto';
import { CustomerErasureService } from './customer-erasure.service';

@ApiTags('privacy')
@Roles('admin')
@Scopes('privacy:erase')
@Controller('customers')
export class CustomerErasureController {
  constructor(private readonly erasures: CustomerErasureService) {}

  @Post(':customerId/erase')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Erases a customer everywhere (right to erasure): data key, contact, and every service blanks its copy',
    description:
      'Idempotent: a repeated request does it all again (and keeps the first date). Later touchpoints of the ' +
      'customer are suppressed with reason ERASED, and a CRM import skips them (docs/privacy.md, "Erasure").',
  })
  @ApiOkResponse({ type: CustomerErasureDto })
  async erase(
    @Param('customerId') customerId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CustomerErasureDto> {
    const erasure = await this.erasures.erase(customerId, principal.subject);
    return { ...erasure, erasedAt: erasure.erasedAt.toISOString() };
  }
}
