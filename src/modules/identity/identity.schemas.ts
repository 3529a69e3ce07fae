import Type from 'typebox';
import { SCOPES, TENANT_ROLES } from '../../platform/auth/principal.ts';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { Cursor, DateTime, Day, IdParams, literals, Text, Uuid } from '../../platform/http/schemas.ts';

export { DateTime, IdParams, Uuid };
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Role = literals(TENANT_ROLES);
export const ScopeName = literals(SCOPES);
export const Password = Text({ minLength: 8, maxLength: 256 });

export const LoginBody = Type.Object(
  {
    email: Email,
    password: Text({ minLength: 1, maxLength: 256 }),
    tenantId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Organisation to sign in to (default: your first)' }),
    ),
  },
  { additionalProperties: false },
);
export const RefreshBody = Type.Object(
  { refreshToken: Text({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
);
export const LogoutBody = Type.Object(
  { refreshToken: Type.Optional(Text({ minLength: 1, maxLength: 512 })) },
  { additionalProperties: false },
);
const InvitationToken = Text({ minLength: 1, maxLength: 512 });
export const AcceptInvitationBody = Type.Object(
  { token: InvitationToken, password: Password },
  { additionalProperties: false },
);
export const SignedInAcceptBody = Type.Object({ token: InvitationToken }, { additionalProperties: false });

export const Session = Type.Object(
  {
    accessToken: Type.String(),
    refreshToken: Type.String(),
    tokenType: Type.Literal('Bearer'),
    expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
    expiresAt: DateTime,
    refreshExpiresAt: DateTime,
  },
  { $id: 'Session' },
);

const TenantSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  status: Type.String(),
  plan: Type.String(),
});
export const Facility = Type.Object(
  { id: Uuid, code: Type.String(), name: Type.String(), timezone: Type.String(), createdAt: DateTime },
  { $id: 'Facility' },
);

export const Me = Type.Object(
  {
    user: Type.Object({ id: Uuid, email: Type.String(), name: Type.String() }),
    principal: Type.Union([Type.Literal('user'), Type.Literal('apiKey')]),
    tenant: Type.Union([TenantSummary, Type.Null()]),
    role: Type.Union([Role, Type.Null()]),
    platformRole: Type.Union([Type.Literal('superadmin'), Type.Null()]),
    scopes: Type.Array(ScopeName),
    facilities: Type.Array(Type.Ref('Facility')),
    memberships: Type.Array(Type.Object({ tenant: TenantSummary, role: Role })),
  },
  { $id: 'Me' },
);

const CustomerFields = {
  name: Text({ minLength: 1, maxLength: 200 }),
  email: Email,
  contactName: Type.Union([Text({ maxLength: 200 }), Type.Null()]),
  phone: Type.Union([Text({ maxLength: 50 }), Type.Null()]),
  address: Type.Union([Text({ maxLength: 500 }), Type.Null()]),
  plan: Type.Union([Type.Literal('pilot'), Type.Literal('subscription')]),
  status: Type.Union([Type.Literal('trial'), Type.Literal('active'), Type.Literal('inactive')]),
  notes: Type.Union([Text({ maxLength: 5000 }), Type.Null()]),
  startDate: Day,
};
export const Customer = Type.Object(
  { id: Uuid, ...CustomerFields, createdAt: DateTime, updatedAt: DateTime },
  { $id: 'Customer' },
);
export const CustomerDetail = Type.Object(
  { customer: Type.Ref('Customer'), facilities: Type.Array(Type.Ref('Facility')) },
  { $id: 'CustomerDetail' },
);
const OptionalCustomerFields = Type.Partial(Type.Object(CustomerFields)).properties;
export const CustomerCreate = Type.Object(
  { ...OptionalCustomerFields, name: CustomerFields.name, email: CustomerFields.email },
  { additionalProperties: false },
);
export const CustomerPatch = Type.Object(OptionalCustomerFields, {
  additionalProperties: false,
  minProperties: 1,
});
export const CustomerQuery = Type.Object({
  search: Type.Optional(Text({ maxLength: 200, description: 'Matches name, email or contact' })),
  status: Type.Optional(CustomerFields.status),
  plan: Type.Optional(CustomerFields.plan),
  ...PageQuery,
});
export const CustomerPage = Page(Type.Ref('Customer'), 'CustomerPage');

const FacilityCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$' });
const Timezone = Text({
  minLength: 1,
  maxLength: 64,
  description: 'IANA time zone, e.g. Europe/Berlin',
});
export const FacilityCreate = Type.Object(
  {
    code: FacilityCode,
    name: Text({ minLength: 1, maxLength: 200 }),
    timezone: Type.Optional(Timezone),
  },
  { additionalProperties: false },
);
export const FacilityPatch = Type.Object(
  {
    code: Type.Optional(FacilityCode),
    name: Type.Optional(Text({ minLength: 1, maxLength: 200 })),
    timezone: Type.Optional(Timezone),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const FacilityList = Type.Object({ items: Type.Array(Type.Ref('Facility')) }, { $id: 'FacilityList' });
export const CustomerFacilityParams = Type.Object({ id: Uuid, facilityId: Uuid });

export const Member = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    name: Type.String(),
    role: Role,
    status: Type.Union([Type.Literal('active'), Type.Literal('inactive'), Type.Literal('invited')], {
      description: '`invited`: added, waiting for the person to accept; no access until then',
    }),
    passwordSet: Type.Boolean(),
    lastLoginAt: Type.Union([DateTime, Type.Null()]),
    memberSince: DateTime,
    accepted: Type.Boolean({
      description: 'Whether the person accepted the invitation (false also for a withdrawn one)',
    }),
  },
  { $id: 'Member' },
);
export const MemberCreated = Type.Object(
  {
    user: Type.Ref('Member'),
    invitation: Type.Union([Type.Ref('Invitation'), Type.Null()]),
  },
  { $id: 'MemberCreated' },
);
export const Invitation = Type.Object(
  {
    token: Type.String({
      description:
        'Shown once: the person opens /accept-invitation?token=… and accepts, choosing a password if new to PlantIntel or signed in with their account',
    }),
    expiresAt: DateTime,
  },
  { $id: 'Invitation' },
);
const MemberFields = {
  email: Email,
  name: Text({ minLength: 1, maxLength: 200 }),
  role: Role,
};
export const MemberCreate = Type.Object(MemberFields, { additionalProperties: false });
export const CustomerUserCreate = Type.Object(
  {
    ...MemberFields,
    role: Type.Optional(Role),
    password: Type.Optional(Password),
  },
  { additionalProperties: false },
);
export const MemberPatch = Type.Object(
  {
    role: Type.Optional(Role),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('inactive')])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const MemberQuery = Type.Object({
  search: Type.Optional(Text({ maxLength: 200, description: 'Matches email or name' })),
  role: Type.Optional(Role),
  status: Type.Optional(
    Type.Union([Type.Literal('active'), Type.Literal('inactive'), Type.Literal('invited')]),
  ),
  ...PageQuery,
});
export const MemberPage = Page(Type.Ref('Member'), 'MemberPage');

export const ApiKey = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    prefix: Type.String({ description: 'First characters of the key, to tell keys apart' }),
    scopes: Type.Array(ScopeName),
    createdBy: Type.Object({ id: Uuid, email: Type.Union([Type.String(), Type.Null()]) }),
    createdAt: DateTime,
    expiresAt: Type.Union([DateTime, Type.Null()]),
    lastUsedAt: Type.Union([DateTime, Type.Null()]),
    revokedAt: Type.Union([DateTime, Type.Null()]),
  },
  { $id: 'ApiKey' },
);
export const ApiKeyCreated = Type.Object(
  {
    apiKey: Type.Ref('ApiKey'),
    key: Type.String({ description: 'The secret key, shown only in this response: send it as X-API-Key' }),
  },
  { $id: 'ApiKeyCreated' },
);
export const ApiKeyCreate = Type.Object(
  {
    name: Text({ minLength: 1, maxLength: 200 }),
    scopes: Type.Array(ScopeName, { minItems: 1, maxItems: 4 }),
    expiresAt: Type.Optional(
      Type.String({
        format: 'date-time',
        maxLength: 40,
        description: 'Default: 90 days from now; at most API_KEY_MAX_LIFETIME_DAYS (365) ahead',
      }),
    ),
  },
  { additionalProperties: false },
);
export const ApiKeyQuery = Type.Object({
  includeRevoked: Type.Boolean({ default: false }),
  ...PageQuery,
});
export const ApiKeyPage = Page(Type.Ref('ApiKey'), 'ApiKeyPage');

export const AuditEntry = Type.Object(
  {
    id: Type.Integer(),
    occurredAt: DateTime,
    action: Type.String(),
    actor: Type.Object({
      userId: Type.Union([Uuid, Type.Null()]),
      apiKeyId: Type.Union([Uuid, Type.Null()]),
      label: Type.Union([Type.String(), Type.Null()]),
    }),
    target: Type.Union([
      Type.Object({ type: Type.String(), id: Type.Union([Type.String(), Type.Null()]) }),
      Type.Null(),
    ]),
    subject: Type.Union([Type.String(), Type.Null()]),
    details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    ip: Type.Union([Type.String(), Type.Null()]),
    requestId: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'AuditEntry' },
);
export const AuditPage = Type.Object(
  {
    items: Type.Array(Type.Ref('AuditEntry')),
    nextCursor: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Pass as `before` for the next page',
    }),
  },
  { $id: 'AuditPage' },
);
export const AuditQuery = Type.Object({
  action: Type.Optional(Text({ maxLength: 100 })),
  actorUserId: Type.Optional(Uuid),
  targetType: Type.Optional(Text({ maxLength: 100 })),
  targetId: Type.Optional(Text({ maxLength: 200 })),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
  before: Type.Optional(Cursor('Entries older than this id')),
  limit: PageQuery.limit,
});

/** Named schemas the routes refer to with Type.Ref; they appear as components in the OpenAPI. */
export const IDENTITY_SCHEMAS = [
  Session,
  Facility,
  Me,
  Customer,
  CustomerDetail,
  CustomerPage,
  FacilityList,
  Member,
  Invitation,
  MemberCreated,
  MemberPage,
  ApiKey,
  ApiKeyCreated,
  ApiKeyPage,
  AuditEntry,
  AuditPage,
];
