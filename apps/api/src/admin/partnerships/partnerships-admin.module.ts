import { Module } from '@nestjs/common';
import { AddPartnerHandler, ConcludePartnershipHandler, LaunchPartnershipHandler } from '@uccn/application';
import { AddPartnerController } from './add-partner.controller.js';
import { ConcludePartnershipController } from './conclude-partnership.controller.js';
import { LaunchPartnershipController } from './launch-partnership.controller.js';

/** Inter-city partnership initiatives (seeds 000, 004): launched, joined, concluded. */
@Module({
  controllers: [LaunchPartnershipController, AddPartnerController, ConcludePartnershipController],
  providers: [LaunchPartnershipHandler, AddPartnerHandler, ConcludePartnershipHandler],
})
export class PartnershipsAdminModule {}
