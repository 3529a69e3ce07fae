import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { presentPage } from '../../platform/http/pagination.ts';
import { requestMeta } from '../../platform/http/request-context.ts';
import type { App } from '../../platform/http/types.ts';
import type { CustomersService } from './customers.service.ts';
import {
  CustomerCreate,
  CustomerFacilityParams,
  CustomerPatch,
  CustomerQuery,
  CustomerUserCreate,
  FacilityCreate,
  FacilityPatch,
  IdParams,
} from './identity.schemas.ts';
import { presentCustomer, presentFacility, presentInvitation, presentMember } from './presenters.ts';
import type { UsersService } from './users.service.ts';

const DEFAULT_TIMEZONE = 'UTC';

/** Platform administration: customers (tenants), their facilities and first admins. Superadmins only. */
export function adminRoutes(
  app: App,
  { customers, users }: { customers: CustomersService; users: UsersService },
) {
  const tags = ['admin'];

  app.post(
    '/admin/customers/:id/users',
    {
      config: { access: 'platform' },
      schema: {
        tags,
        operationId: 'addCustomerUser',
        summary: "Add a person to a customer (typically the customer's first admin)",
        description:
          'A person new to PlantIntel gets an account: active at once with a password, else invited to choose one. An existing account is invited and accepts while signed in (a password is refused for it).',
        params: IdParams,
        body: CustomerUserCreate,
        response: { 201: Type.Ref('MemberCreated'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { role, ...rest } = request.body;
      const { member, invitation } = await users.createForCustomer(
        principalOf(request),
        request.params.id,
        { ...rest, role: role ?? 'admin' },
        requestMeta(request),
      );
      return reply
        .status(201)
        .send({ user: presentMember(member), invitation: invitation && presentInvitation(invitation) });
    },
  );

  app.get(
    '/admin/customers',
    {
      config: { access: 'platform' },
      schema: {
        tags,
        operationId: 'listCustomers',
        summary: 'List customers (search, filter, paginate)',
        querystring: CustomerQuery,
        response: { 200: Type.Ref('CustomerPage'), ...errorResponses(400) },
      },
    },
    async (request) => {
      const result = await customers.list(principalOf(request), request.query, requestMeta(request));
      return presentPage(result, request.query, presentCustomer);
    },
  );

  app.post(
    '/admin/customers',
    {
      config: { access: 'platform' },
      schema: {
        tags,
        operationId: 'createCustomer',
        summary: 'Create a customer',
        body: CustomerCreate,
        response: { 201: Type.Ref('Customer'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const tenant = await customers.create(principalOf(request), request.body, requestMeta(request));
      return reply.status(201).send(presentCustomer(tenant));
    },
  );

  app.get(
    '/admin/customers/:id',
    {
      config: { access: 'platform' },
      schema: {
        tags,
        operationId: 'getCustomer',
        summary: 'A customer with its facilities',
        params: IdParams,
        response: { 200: Type.Ref('CustomerDetail'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const { tenant, facilities } = await customers.get(
        principalOf(request),
        request.params.id,
        requestMeta(request),
      );
      return { customer: presentCustomer(tenant), facilities: facilities.map(presentFacility) };
    },
  );

  app.patch(
    '/admin/customers/:id',
    {
      config: { access: 'platform' },
      schema: {
        tags,
        operationId: 'updateCustomer',
        summary: 'Update a customer',
        params: IdParams,
        body: CustomerPatch,
        response: { 200: Type.Ref('Customer'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      presentCustomer(
        await customers.update(principalOf(request), request.params.id, request.body, requestMeta(request)),
      ),
  );

  app.post(
    '/admin/customers/:id/deactivate',
    {
      config: { access: 'platform' },
      schema: {
        tags,
        operationId: 'deactivateCustomer',
        summary: 'Deactivate a customer: its users can no longer sign in; data is kept',
        params: IdParams,
        response: { 200: Type.Ref('Customer'), ...errorResponses(404) },
      },
    },
    async (request) =>
      presentCustomer(
        await customers.deactivate(principalOf(request), request.params.id, requestMeta(request)),
      ),
  );

  app.get(
    '/admin/customers/:id/facilities',
    {
      config: { access: 'platform' },
      schema: {
        tags,
        operationId: 'listCustomerFacilities',
        summary: "A customer's facilities",
        params: IdParams,
        response: { 200: Type.Ref('FacilityList'), ...errorResponses(404) },
      },
    },
    async (request) => ({
      items: (
        await customers.facilitiesOf(principalOf(request), request.params.id, requestMeta(request))
      ).map(presentFacility),
    }),
  );

  app.post(
    '/admin/customers/:id/facilities',
    {
      config: { access: 'platform' },
      schema: {
        tags,
        operationId: 'createCustomerFacility',
        summary: 'Add a facility to a customer',
        params: IdParams,
        body: FacilityCreate,
        response: { 201: Type.Ref('Facility'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { code, name, timezone = DEFAULT_TIMEZONE } = request.body;
      const facility = await customers.addFacility(
        principalOf(request),
        request.params.id,
        { code, name, timezone },
        requestMeta(request),
      );
      return reply.status(201).send(presentFacility(facility));
    },
  );

  app.patch(
    '/admin/customers/:id/facilities/:facilityId',
    {
      config: { access: 'platform' },
      schema: {
        tags,
        operationId: 'updateCustomerFacility',
        summary: 'Update a facility of a customer',
        params: CustomerFacilityParams,
        body: FacilityPatch,
        response: { 200: Type.Ref('Facility'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      presentFacility(
        await customers.changeFacility(
          principalOf(request),
          request.params.id,
          request.params.facilityId,
          request.body,
          requestMeta(request),
        ),
      ),
  );
}
