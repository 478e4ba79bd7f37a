import { Body } from '@nestjs/common';
import { PersonalData } from '@uccn/application';
import { AreaController } from '../../http/area-controller.decorator.js';
import { ADMIN } from '../../http/roles.decorator.js';
import { command, CommandRoute } from '../command-route.js';
import { EraseDataSubjectRequest } from '../personal-data.requests.js';

/** The right to be forgotten (DESIGN §7): a person's key is destroyed, and the log says so. */
@AreaController('admin/data-subjects', 'secretariat', ADMIN)
export class DataSubjectCommandsController {
  constructor(private readonly personalData: PersonalData) {}

  @CommandRoute('EraseDataSubject', 'erasure', {
    summary: "Erase a person's data: their key is destroyed (DataSubjectErased)",
    description:
      'Every name and e-mail sealed under the person’s key becomes unreadable for good, in every answer, export and rebuild, which then show `{ "erased": true }` with the role; the log is not rewritten and `verify` stays ok. The answer’s `id` is the opaque subject id. An address never on record is a 404; one erased already (and not on record since) a 409. Send an `Idempotency-Key` to retry safely.',
    errors: [404, 409],
  })
  erase(@Body() { email, reason }: EraseDataSubjectRequest) {
    // the address goes no further than this: the command, its events and its logs know the subject id
    return command('EraseDataSubject', { subjectId: this.personalData.subjectIdOf(email), reason });
  }
}
