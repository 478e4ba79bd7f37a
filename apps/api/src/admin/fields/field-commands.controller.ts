import { Body } from '@nestjs/common';
import { AreaController } from '../../http/area-controller.decorator.js';
import { ADMIN } from '../../http/roles.decorator.js';
import { command, CommandRoute } from '../command-route.js';
import { AddCreativeFieldRequest } from './field.requests.js';

/** The secretariat's command on the network's stream: the dated field catalogue. */
@AreaController('admin/fields', 'secretariat', ADMIN)
export class FieldCommandsController {
  @CommandRoute('AddCreativeField', '', {
    summary: 'Open a new creative field (CreativeFieldAdded)',
    description: 'UNESCO added architecture on 2025-10-31; a field already in the catalogue is a 409.',
  })
  add(@Body() body: AddCreativeFieldRequest) {
    return command('AddCreativeField', body);
  }
}
