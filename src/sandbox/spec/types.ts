/** The shape of the operations table that scripts/spec-tables.ts generates from the spec. */

/** What is checked of one parameter's value: the spec's schema, with `$ref`s resolved. */
export interface SchemaRule {
  type?: string;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: SchemaRule;
  oneOf?: SchemaRule[];
}

export interface ParamRule {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: SchemaRule;
}

export interface OperationRule {
  method: string;
  /** The spec's path template, e.g. `/restapi/v1.0/account/{accountId}/extension`. */
  path: string;
  /** `x-throttling-group`: Light, Medium, Heavy or Auth. */
  group: string;
  params: ParamRule[];
}
