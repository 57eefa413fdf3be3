import { describeMigrationRoundTrip } from '@nps/testing';
import { service } from '../src/service.definition';

describeMigrationRoundTrip(service);
