/**
 * Checks that a RingCentral answer has the shape the app reads (types.ts), so an answer that
 * breaks RingCentral's schema becomes one clear error instead of a TypeError deep in a
 * renderer. Only the fields the app reads are checked, with plain typeof tests: a listing of
 * 20,000 numbers is checked in well under a millisecond per thousand records.
 */
import { AppError } from '../errors';
import { UNAVAILABLE_RETRY_SEC } from './api-errors';

/**
 * A field: `str`, `id` (string or number), `bool`, `strs` (list of strings), a nested shape,
 * or a list of one nested shape. Upper case (`STR`, `ID`) is required; every other field may be
 * missing or null.
 */
export type Field = 'str' | 'STR' | 'id' | 'ID' | 'bool' | 'strs' | Shape | [Shape];
export interface Shape {
  [name: string]: Field;
}

const CONTACT: Shape = { firstName: 'str', lastName: 'str', email: 'str', company: 'str' };
const EXTENSION_REF: Shape = { id: 'id', extensionNumber: 'str', name: 'str', type: 'str' };

export const SHAPES = {
  account: {
    id: 'ID',
    mainNumber: 'str',
    status: 'str',
    serviceInfo: {
      brand: { id: 'str', name: 'str', homeCountry: { id: 'str', isoCode: 'str' } },
      servicePlan: { id: 'str', name: 'str', edition: 'str' },
    },
    operator: EXTENSION_REF,
  },
  extension: {
    id: 'ID',
    uri: 'str',
    extensionNumber: 'str',
    name: 'str',
    type: 'str',
    status: 'str',
    contact: CONTACT,
    permissions: { admin: { enabled: 'bool' } },
    account: { id: 'id' },
  },
  phoneNumber: {
    id: 'id',
    phoneNumber: 'STR',
    paymentType: 'str',
    type: 'str',
    usageType: 'str',
    status: 'str',
    label: 'str',
    features: 'strs',
    extension: EXTENSION_REF,
  },
  phoneNumberV2: {
    id: 'id',
    phoneNumber: 'STR',
    type: 'str',
    tollType: 'str',
    usageType: 'str',
    status: 'str',
    extension: EXTENSION_REF,
  },
  forwardingNumber: {
    id: 'id',
    phoneNumber: 'str',
    label: 'str',
    type: 'str',
    features: 'strs',
    flipNumber: 'str',
  },
  feature: { id: 'STR', available: 'bool', params: [{ name: 'str', value: 'str' }] },
  callFlipNumber: { id: 'id', phoneNumber: 'str', type: 'str', label: 'str', flipNumber: 'str' },
  forwardingTarget: {
    type: 'str',
    name: 'str',
    destination: { phoneNumber: 'str', extensionNumber: 'str' },
    device: { id: 'id', name: 'str', phoneNumber: 'str' },
    extension: { id: 'id' },
    integration: { phoneNumber: 'str', type: 'str' },
  },
  directoryEntry: {
    id: 'id',
    type: 'str',
    status: 'str',
    extensionNumber: 'str',
    firstName: 'str',
    lastName: 'str',
    name: 'str',
    email: 'str',
    phoneNumbers: [{ phoneNumber: 'str', type: 'str', usageType: 'str', label: 'str' }],
  },
} satisfies Record<string, Shape>;

const PAGING: Shape = { page: 'id', totalPages: 'id', perPage: 'id', totalElements: 'id' };
const pages = new WeakMap<Shape, Shape>();

function pageShape(record: Shape): Shape {
  let page = pages.get(record);
  if (!page) {
    page = { records: [record], paging: PAGING };
    pages.set(record, page);
  }
  return page;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const compiled = new WeakMap<Shape, Array<[string, Field]>>();

function fieldsOf(shape: Shape): Array<[string, Field]> {
  let fields = compiled.get(shape);
  if (!fields) {
    fields = Object.entries(shape);
    compiled.set(shape, fields);
  }
  return fields;
}

function primitiveWrong(field: Field, v: unknown): boolean | null {
  switch (field) {
    case 'str':
    case 'STR':
      return typeof v !== 'string';
    case 'id':
    case 'ID':
      return typeof v !== 'string' && typeof v !== 'number';
    case 'bool':
      return typeof v !== 'boolean';
    case 'strs':
      if (!Array.isArray(v)) return true;
      for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return true;
      return false;
    default:
      return null;
  }
}

/** Where `value` breaks `shape`, as a path ('records[3].phoneNumber'); null when it fits. */
function mismatch(shape: Shape, value: unknown): string | null {
  if (!isObject(value)) return '';
  const fields = fieldsOf(shape);
  for (let f = 0; f < fields.length; f++) {
    const [name, field] = fields[f] as [string, Field];
    const v = value[name];
    if (v === undefined || v === null) {
      if (field === 'STR' || field === 'ID') return name;
      continue;
    }
    const wrong = primitiveWrong(field, v);
    if (wrong === false) continue;
    if (wrong) return name;
    if (Array.isArray(field)) {
      if (!Array.isArray(v)) return name;
      for (let i = 0; i < v.length; i++) {
        const inner = mismatch(field[0], v[i]);
        if (inner !== null) return `${name}[${i}]${inner ? `.${inner}` : ''}`;
      }
    } else {
      const inner = mismatch(field as Shape, v);
      if (inner !== null) return inner ? `${name}.${inner}` : name;
    }
  }
  return null;
}

function broken(where: string, path: string): AppError {
  return new AppError(
    'ringcentral_unavailable',
    `RingCentral's ${where} breaks its schema (${path})`,
    {
      retryAfterSec: UNAVAILABLE_RETRY_SEC,
    },
  );
}

/** `value` as a `T` when it has `shape`; otherwise the error for an answer that breaks it. */
export function checked<T>(shape: Shape, value: unknown, where: string): T {
  const path = mismatch(shape, value);
  if (path !== null) throw broken(where, path || 'the answer');
  return value as T;
}

/** A page of records: `records` a list of `shape`, `paging` optional. */
export function checkedPage<T>(shape: Shape, value: unknown, where: string): T {
  const path = mismatch(pageShape(shape), value);
  if (path !== null) throw broken(where, path || 'the answer');
  if (!Array.isArray((value as { records?: unknown }).records)) throw broken(where, 'records');
  return value as T;
}
