/** What the fault proxy does with a matching request. */
export type Fault =
  /** Forward unchanged (lets N requests through ahead of a later rule). */
  | { readonly kind: 'pass' }
  /** Wait `ms` milliseconds (global `setTimeout`), then forward. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** HTTP 500 `InternalFailure`, as AWS answers an internal error. */
  | { readonly kind: 'internal-error' }
  /** HTTP 400 `ThrottlingException` ("Rate exceeded"). */
  | { readonly kind: 'throttle' }
  /** HTTP 400 `AccessDeniedException`. */
  | { readonly kind: 'access-denied' }
  /** Any AWS JSON error, e.g. `{ status: 400, type: 'DecryptionFailure' }`. */
  | {
      readonly kind: 'aws-error';
      readonly status: number;
      readonly type: string;
      readonly message?: string;
    }
  /** Destroys the socket without answering (a dropped connection). */
  | { readonly kind: 'drop' }
  /** Never answers; the socket stays open until the client gives up. */
  | { readonly kind: 'hang' };

/** Kind of a fault; `pass` for a forwarded request. */
export type FaultKind = Fault['kind'];

/** Narrows a rule beyond its operation. */
export interface FaultRuleOptions {
  /** Matching requests it applies to, then it expires. Default: until cleared. */
  readonly times?: number;
  /** Only requests whose JSON body has this `SecretId` match. */
  readonly secretId?: string;
}

/** A rule that was injected; `clear()` removes it. */
export interface FaultRule {
  /** Short operation name, or `*`. */
  readonly operation: string;
  readonly fault: Fault;
  /** Matching requests this rule handled so far. */
  readonly hits: number;
  /** Requests it will still handle (`Infinity` until cleared). */
  readonly remaining: number;
  clear(): void;
}

/** Status, `__type` and message of an AWS JSON error answer. */
export interface AwsErrorShape {
  readonly status: number;
  readonly type: string;
  readonly message: string;
}

/** Short operation name: `secretsmanager.GetSecretValue` → `GetSecretValue`. */
export function shortOperation(target: string): string {
  const dot = target.lastIndexOf('.');
  return dot === -1 ? target : target.slice(dot + 1);
}

/** The AWS error a fault answers with, or `undefined` for other faults. */
export function awsErrorShape(fault: Fault): AwsErrorShape | undefined {
  switch (fault.kind) {
    case 'internal-error':
      return {
        status: 500,
        type: 'InternalFailure',
        message: 'InternalFailure',
      };
    case 'throttle':
      return {
        status: 400,
        type: 'ThrottlingException',
        message: 'Rate exceeded',
      };
    case 'access-denied':
      return {
        status: 400,
        type: 'AccessDeniedException',
        message: 'User is not authorized to perform this operation',
      };
    case 'aws-error':
      return {
        status: fault.status,
        type: fault.type,
        message: fault.message ?? fault.type,
      };
    default:
      return undefined;
  }
}

interface LiveRule {
  readonly operation: string;
  readonly fault: Fault;
  readonly secretId?: string;
  remaining: number;
  hits: number;
}

/** Ordered fault rules; the first live match handles a request. */
export class FaultRules {
  private rules: LiveRule[] = [];

  /** Adds a rule for an operation (short or full target name, or `*`). */
  add(
    operation: string,
    fault: Fault,
    options: FaultRuleOptions = {},
  ): FaultRule {
    const rule: LiveRule = {
      operation: operation === '*' ? '*' : shortOperation(operation),
      fault,
      secretId: options.secretId,
      remaining: options.times ?? Infinity,
      hits: 0,
    };
    this.rules.push(rule);
    const remove = () => {
      this.rules = this.rules.filter((r) => r !== rule);
    };
    return {
      operation: rule.operation,
      fault,
      get hits() {
        return rule.hits;
      },
      get remaining() {
        return rule.remaining;
      },
      clear: remove,
    };
  }

  /** Removes every rule, or the rules added for one operation. */
  clear(operation?: string): void {
    if (operation === undefined) {
      this.rules = [];
      return;
    }
    const name = operation === '*' ? '*' : shortOperation(operation);
    this.rules = this.rules.filter((r) => r.operation !== name);
  }

  /** Takes the fault for a request (using up one of its rule's times). */
  take(operation: string, secretId?: string): Fault {
    const rule = this.rules.find(
      (r) =>
        r.remaining > 0 &&
        (r.operation === '*' || r.operation === operation) &&
        (r.secretId === undefined || r.secretId === secretId),
    );
    if (!rule) return { kind: 'pass' };
    rule.remaining -= 1;
    rule.hits += 1;
    return rule.fault;
  }
}
