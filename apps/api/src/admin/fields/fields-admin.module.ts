import { Module } from '@nestjs/common';
import { AddCreativeFieldHandler } from '@uccn/application';
import { AddCreativeFieldController } from './add-creative-field.controller.js';

/** The secretariat's commands on the field catalogue (the `network` stream). */
@Module({
  controllers: [AddCreativeFieldController],
  providers: [AddCreativeFieldHandler],
})
export class FieldsAdminModule {}
