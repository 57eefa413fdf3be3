import { describeCustomerDataCatalog } from '@nps/testing';
import { CUSTOMER_DATA } from '../src/customer-export/customer-data.catalog';
import { service } from '../src/service.definition';

describeCustomerDataCatalog(service, CUSTOMER_DATA);
