import type { ProjectionDefinition } from './projection.js';
import { cityDirectoryProjection } from './city-directory/city-directory.projection.js';
import { membershipHistoryProjection } from './membership-history/membership-history.projection.js';
import { membershipRegisterProjection } from './membership-register/membership-register.projection.js';
import { networkStatisticsProjection } from './network-statistics/network-statistics.projection.js';
import { meetingsProjection } from './meetings/meetings.projection.js';
import { applicationsProjection } from './applications/applications.projection.js';
import { partnershipsProjection } from './partnerships/partnerships.projection.js';
import { fieldCatalogueProjection } from './field-catalogue/field-catalogue.projection.js';
import { contactsProjection } from './contacts/contacts.projection.js';

/** Every read model the runner keeps up to date. */
export const ALL_PROJECTIONS: readonly ProjectionDefinition[] = [fieldCatalogueProjection, cityDirectoryProjection, membershipHistoryProjection, membershipRegisterProjection, networkStatisticsProjection, meetingsProjection, applicationsProjection, partnershipsProjection, contactsProjection];
