import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { IsCleanText, Trimmed } from '../http/validation.js';
import { requestsMatch, type RequestMatches } from './command-route.js';

/*
 * A person named in the record (DESIGN §7). Validated here, since the domain sees them only
 * sealed. The examples are invented people: documentation never names the seeds' people.
 */

/** `POST /api/admin/cities/:cityId/focal-point`: the person the secretariat writes to about the city. */
export class FocalPointRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Ada Testperson', description: 'personal data: stored only encrypted (DESIGN §7)' })
  @IsString() @Length(1, 200) @IsCleanText() name!: string;

  @ApiProperty({ format: 'email', maxLength: 254, example: 'ada.testperson@example.org', description: 'personal data: identifies the person (trimmed, lower-cased) and is stored only encrypted' })
  @Trimmed() @IsEmail({ allow_display_name: false, allow_ip_domain: false }) @MaxLength(254) email!: string;
}

/** A contact of a partnership, at its launch or later: a person and the role they hold. */
export class ContactRequest extends FocalPointRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'communication manager', description: 'kept in the clear: it names no one' })
  @IsString() @Length(1, 200) @IsCleanText() role!: string;
}

/** `POST /api/admin/data-subjects/erasure`: the person's data becomes unreadable everywhere. */
export class EraseDataSubjectRequest {
  @ApiProperty({ format: 'email', maxLength: 254, example: 'ada.testperson@example.org', description: 'the person to forget; never stored' })
  @Trimmed() @IsEmail({ allow_display_name: false, allow_ip_domain: false }) @MaxLength(254) email!: string;

  @ApiProperty({ minLength: 1, maxLength: 2000, example: 'the person asked to be forgotten (GDPR art. 17)', description: 'recorded in the clear: name no one here' })
  @IsString() @Length(1, 2000) reason!: string;
}

requestsMatch<
  [
    RequestMatches<Omit<EraseDataSubjectRequest, 'email'>, 'EraseDataSubject', 'subjectId'>,
  ]
>();
