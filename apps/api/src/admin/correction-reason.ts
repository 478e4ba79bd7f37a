import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/**
 * `reason` on a correction or a retraction (DESIGN §6): why the record was wrong, and who says so.
 * Required and at most 2,000 characters on each of them; the example is the route's own.
 */
export const CorrectionReason = (example: string, description?: string) =>
  applyDecorators(ApiProperty({ minLength: 1, maxLength: 2000, ...(description ? { description } : {}), example }), IsString(), Length(1, 2000));
